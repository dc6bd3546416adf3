package com.ticketing.concert.seatview;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.ticketing.concert.seatview.ReservationStage.HELD;
import static com.ticketing.concert.seatview.ReservationStage.RELEASED;
import static com.ticketing.concert.seatview.ReservationStage.SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatViewTest {

    private static final long SCHEDULE = 1;
    private static final long SEAT = 7;

    private static SeatChange change(long reservationId, ReservationStage stage) {
        return new SeatChange(reservationId, SCHEDULE, SEAT, stage);
    }

    private static SeatView applyAll(List<SeatChange> changes) {
        SeatView seat = SeatView.untouched(SEAT, SCHEDULE);
        for (SeatChange change : changes) {
            seat = seat.apply(change);
        }
        return seat;
    }

    @Test
    void shouldShowAnUntouchedSeatAsAvailable() {
        assertThat(SeatView.untouched(SEAT, SCHEDULE).status()).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void shouldMarkAHeldSeatSoldWhenItsReservationIsConfirmed() {
        SeatView held = applyAll(List.of(change(10, HELD)));
        assertThat(held.status()).isEqualTo(SeatStatus.HELD);
        assertThat(held.apply(change(10, SOLD)).status()).isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void shouldFreeAHeldSeatWhenItsReservationExpires() {
        assertThat(applyAll(List.of(change(10, HELD), change(10, RELEASED))).status()).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void shouldIgnoreAHoldThatArrivesAfterItsOwnRelease() {
        SeatView seat = applyAll(List.of(change(10, RELEASED), change(10, HELD)));
        assertThat(seat.status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(seat.reservationId()).isEqualTo(10);
        assertThat(seat.stage()).isEqualTo(RELEASED);
    }

    @Test
    void shouldIgnoreAnOlderReservationsHoldAfterANewerOne() {
        SeatView seat = applyAll(List.of(change(20, HELD), change(10, HELD)));
        assertThat(seat.reservationId()).isEqualTo(20);
        assertThat(seat.status()).isEqualTo(SeatStatus.HELD);
    }

    @Test
    void shouldNotLetAnOlderReservationsReleaseFreeTheSeatOfANewerOne() {
        SeatView seat = applyAll(List.of(change(10, HELD), change(20, HELD), change(10, RELEASED)));
        assertThat(seat.status()).isEqualTo(SeatStatus.HELD);
        assertThat(seat.reservationId()).isEqualTo(20);
    }

    @Test
    void shouldKeepASoldSeatSoldWhenItsOwnReservationIsReleasedLate() {
        assertThat(applyAll(List.of(change(10, HELD), change(10, SOLD), change(10, RELEASED))).status())
                .isEqualTo(SeatStatus.SOLD);
        assertThat(applyAll(List.of(change(10, SOLD), change(10, RELEASED), change(10, HELD))).status())
                .isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void shouldReturnTheSameViewForAStaleOrRepeatedChange() {
        SeatView held = applyAll(List.of(change(10, HELD)));
        assertThat(held.apply(change(10, HELD))).isSameAs(held);
        assertThat(held.apply(change(9, SOLD))).isSameAs(held);
    }

    @Test
    void shouldEndInTheSameStateWhateverTheOrderOfTheEvents() {
        // Reservation 10 held the seat and expired; reservation 20 then held it and paid.
        List<SeatChange> history = List.of(change(10, HELD), change(10, RELEASED), change(20, HELD), change(20, SOLD));
        List<List<SeatChange>> orders = permutations(history);
        assertThat(orders).hasSize(24);
        for (List<SeatChange> order : orders) {
            SeatView seat = applyAll(order);
            assertThat(seat).as("order %s", order).isEqualTo(new SeatView(SEAT, SCHEDULE, 20, SOLD));
        }
    }

    @Test
    void shouldEndInTheSameStateWhenEveryEventIsDeliveredTwice() {
        List<SeatChange> history = List.of(change(10, HELD), change(10, RELEASED), change(20, HELD));
        List<SeatChange> twice = new ArrayList<>();
        for (SeatChange change : history) {
            twice.add(change);
            twice.add(change);
        }
        twice.addAll(history);
        assertThat(applyAll(twice)).isEqualTo(applyAll(history)).isEqualTo(new SeatView(SEAT, SCHEDULE, 20, HELD));
    }

    @Test
    void shouldTellWhetherAChangeMovesTheSeatInOrOutOfAvailability() {
        SeatView untouched = SeatView.untouched(SEAT, SCHEDULE);
        SeatView held = untouched.apply(change(10, HELD));
        SeatView sold = held.apply(change(10, SOLD));
        assertThat(untouched.availabilityDiffers(held)).isTrue();
        assertThat(held.availabilityDiffers(sold)).isFalse();
        assertThat(held.availabilityDiffers(held.apply(change(10, RELEASED)))).isTrue();
    }

    @Test
    void shouldRefuseAChangeOfAnotherSeat() {
        assertThatThrownBy(() -> SeatView.untouched(SEAT, SCHEDULE).apply(new SeatChange(10, SCHEDULE, SEAT + 1, HELD)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatView.untouched(SEAT, SCHEDULE).apply(new SeatChange(10, SCHEDULE + 1, SEAT, HELD)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseChangesWithoutPositiveIdsOrARealStage() {
        assertThatThrownBy(() -> new SeatChange(0, SCHEDULE, SEAT, HELD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatChange(10, -1, SEAT, HELD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatChange(10, SCHEDULE, 0, HELD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatChange(10, SCHEDULE, SEAT, ReservationStage.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
