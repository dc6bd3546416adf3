package com.ticketing.concert.schedule.web;

import com.ticketing.common.auth.Admitted;
import com.ticketing.common.auth.RoomAdmission;
import com.ticketing.common.docs.AdmittedOnly;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.concert.schedule.ListingOpenSchedules;
import com.ticketing.concert.schedule.OpenSchedule;
import com.ticketing.concert.outage.StaleAnswers;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /v1/api/concerts/schedule}: the shared catalog, for a caller the gateway admitted to any waiting room
 * (without the gateway's {@code X-Queue-Room}, 403 {@code QUEUE_NOT_ADMITTED}).
 */
@RestController
@RequestMapping("/v1/api/concerts")
@AdmittedOnly
class ScheduleController {

    private final ListingOpenSchedules listing;

    ScheduleController(ListingOpenSchedules listing) {
        this.listing = listing;
    }

    @Operation(summary = "Schedules open for booking, soonest first (header X-Stale: true while the database is down "
            + "and the list is the last one read)")
    @GetMapping("/schedule")
    ResponseEntity<ApiResponse<List<OpenSchedule>>> schedules(@Admitted RoomAdmission anyRoom) {
        return StaleAnswers.answer(listing.read());
    }
}
