package com.ticketing.concert.schedule;

import com.ticketing.concert.IntegrationTest;
import com.ticketing.concert.seatview.ProjectingSeatStatus;
import com.ticketing.concert.seatview.ReservationStage;
import com.ticketing.concert.seatview.SeatChange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ScheduleListTest extends IntegrationTest {

    @Autowired
    private ListingOpenSchedules listing;
    @Autowired
    private ProjectingSeatStatus projecting;

    private void apply(long reservationId, long scheduleId, int seatNo, ReservationStage stage) {
        projecting.apply(UUID.randomUUID().toString(), new SeatChange(reservationId, scheduleId, seatId(scheduleId, seatNo), stage));
    }

    @Test
    void shouldListOnlyTheSchedulesOpenForBookingSoonestFirst() {
        List<OpenSchedule> schedules = listing.list();

        // Demo data: 1..24 open, 25..28 past, 29..30 not yet open for booking.
        assertThat(schedules).extracting(OpenSchedule::scheduleId)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, OPEN_SCHEDULES).boxed().toList());
        assertThat(schedules).extracting(OpenSchedule::startsAt).isSorted();
        assertThat(schedules).allSatisfy(s -> {
            assertThat(s.startsAt()).isAfter(Instant.now());
            assertThat(s.bookingClosesAt()).isAfter(Instant.now()).isBeforeOrEqualTo(s.startsAt());
            assertThat(s.availableSeats()).isEqualTo(SEATS_PER_SCHEDULE);
            assertThat(s.totalSeats()).isEqualTo(SEATS_PER_SCHEDULE);
        });
        assertThat(schedules.stream().mapToInt(OpenSchedule::availableSeats).sum()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void shouldDescribeEachScheduleWithItsConcertAndPriceRange() {
        OpenSchedule first = listing.list().get(0);

        assertThat(first.scheduleId()).isEqualTo(1);
        assertThat(first.concertId()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("Aurora Lights World Tour");
        assertThat(first.venue()).isEqualTo("Olympic Hall, Seoul");
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2099-03-01T19:00:00Z"));
        assertThat(first.minPrice()).isEqualTo(99000);
        assertThat(first.maxPrice()).isEqualTo(165000);
    }

    @Test
    void shouldCountOnlyAvailableSeats() {
        apply(1, 1, 1, ReservationStage.HELD);
        apply(2, 1, 2, ReservationStage.HELD);
        apply(2, 1, 2, ReservationStage.SOLD);
        apply(3, 1, 3, ReservationStage.HELD);
        apply(3, 1, 3, ReservationStage.RELEASED);
        apply(4, 3, 50, ReservationStage.HELD);

        List<OpenSchedule> schedules = listing.list();

        assertThat(schedules.get(0).availableSeats()).isEqualTo(SEATS_PER_SCHEDULE - 2);
        assertThat(schedules.get(1).availableSeats()).isEqualTo(SEATS_PER_SCHEDULE);
        assertThat(schedules.get(2).availableSeats()).isEqualTo(SEATS_PER_SCHEDULE - 1);
    }

    @Test
    void shouldServeTheListInTheDataEnvelope() throws Exception {
        // The shared catalog: an admission to any room will do (room 5 lists every open schedule).
        mvc.perform(admittedTo(5, get("/v1/api/concerts/schedule")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(OPEN_SCHEDULES))
                .andExpect(jsonPath("$.data[0].scheduleId").value(1))
                .andExpect(jsonPath("$.data[0].concertId").value(1))
                .andExpect(jsonPath("$.data[0].title").value("Aurora Lights World Tour"))
                .andExpect(jsonPath("$.data[0].venue").value("Olympic Hall, Seoul"))
                .andExpect(jsonPath("$.data[0].startsAt").value("2099-03-01T19:00:00Z"))
                .andExpect(jsonPath("$.data[0].availableSeats").value(SEATS_PER_SCHEDULE))
                .andExpect(jsonPath("$.data[0].minPrice").value(99000))
                .andExpect(jsonPath("$.data[0].maxPrice").value(165000));
    }

    @Test
    void shouldRefuseTheListToACallerTheGatewayAdmittedToNoRoom() throws Exception {
        mvc.perform(get("/v1/api/concerts/schedule"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("QUEUE_NOT_ADMITTED"))
                .andExpect(jsonPath("$.data").doesNotExist());
    }
}
