package com.ticketing.reservation.hold.web;

import com.ticketing.common.auth.Admitted;
import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.auth.RoomAdmission;
import com.ticketing.common.docs.AdmittedOnly;
import com.ticketing.common.docs.ApiError;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.common.web.Ids;
import com.ticketing.reservation.ReservationErrors;
import com.ticketing.reservation.hold.HoldingSeat;
import com.ticketing.reservation.hold.LookingUpReservation;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public API (through the gateway; the user is the logged-in one): hold a seat (admitted users only), look at one's
 * reservation (login only, so it stays readable after the admission slot is freed).
 */
@RestController
@RequestMapping("/v1/api/concerts")
class ReservationController {

    public record ReserveRequest(
            @NotNull @Positive @Max(Ids.MAX) Long scheduleId,
            @NotNull @Positive @Max(Ids.MAX) Long seatId) {
    }

    private final HoldingSeat holdingSeat;
    private final LookingUpReservation lookingUp;

    public ReservationController(HoldingSeat holdingSeat, LookingUpReservation lookingUp) {
        this.holdingSeat = holdingSeat;
        this.lookingUp = lookingUp;
    }

    /** Admission to the schedule's waiting room is checked first: another room's caller changes nothing (403). */
    @Operation(summary = "Hold a seat for the logged-in user for 5 minutes")
    @AdmittedOnly
    @ApiError(status = 404, codes = {ReservationErrors.SCHEDULE_NOT_FOUND, ReservationErrors.SEAT_NOT_FOUND},
            when = "no such seat in this schedule")
    @ApiError(status = 409, codes = {ErrorCodes.SEAT_UNAVAILABLE, ReservationErrors.SCHEDULE_NOT_BOOKABLE,
            ReservationErrors.HOLD_LIMIT_REACHED},
            when = "the seat is held or sold, the schedule is not open for booking, or the user holds the most seats allowed")
    @PostMapping("/reserve")
    public ApiResponse<ReservationView> reserve(@CurrentUser long userId, @Admitted RoomAdmission admission,
                                                @Valid @RequestBody ReserveRequest request) {
        admission.requireSchedule(request.scheduleId());
        return ApiResponse.of(ReservationView.of(holdingSeat.hold(userId, request.scheduleId(), request.seatId())));
    }

    /** Only the owner sees a reservation; to anybody else it does not exist. */
    @Operation(summary = "One of the logged-in user's reservations")
    @ApiError(status = 404, codes = ReservationErrors.RESERVATION_NOT_FOUND,
            when = "no such reservation of this user")
    @GetMapping("/reservations/{reservationId}")
    public ApiResponse<ReservationView> reservation(@CurrentUser long userId,
                                                    @PathVariable @Positive @Max(Ids.MAX) long reservationId) {
        return ApiResponse.of(ReservationView.of(lookingUp.ofUser(userId, reservationId)));
    }
}
