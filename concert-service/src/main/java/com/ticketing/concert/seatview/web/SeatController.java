package com.ticketing.concert.seatview.web;

import com.ticketing.common.auth.Admitted;
import com.ticketing.common.auth.RoomAdmission;
import com.ticketing.common.docs.AdmittedOnly;
import com.ticketing.common.docs.ApiError;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.concert.ConcertErrors;
import com.ticketing.concert.outage.StaleAnswers;
import com.ticketing.concert.seatview.ListingSeats;
import com.ticketing.concert.seatview.SeatListItem;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Positive;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /v1/api/concerts/seat?scheduleId=}; the gateway has already checked the queue token, and the room it
 * admitted the caller to must be the schedule's (403 {@code QUEUE_NOT_ADMITTED} before anything is read).
 */
@RestController
@RequestMapping("/v1/api/concerts")
@AdmittedOnly
class SeatController {

    private final ListingSeats listing;

    SeatController(ListingSeats listing) {
        this.listing = listing;
    }

    @Operation(summary = "The seats of a schedule with their status (AVAILABLE, HELD, SOLD); header X-Stale: true "
            + "while the database is down and the list is the last one read for the schedule")
    @ApiError(status = 404, codes = ConcertErrors.SCHEDULE_NOT_FOUND, when = "the schedule does not exist")
    @GetMapping("/seat")
    ResponseEntity<ApiResponse<List<SeatListItem>>> seats(
            @Admitted RoomAdmission admission,
            @RequestParam @Positive(message = "scheduleId must be a positive number") Long scheduleId) {
        admission.requireSchedule(scheduleId);
        return StaleAnswers.answer(listing.read(scheduleId));
    }
}
