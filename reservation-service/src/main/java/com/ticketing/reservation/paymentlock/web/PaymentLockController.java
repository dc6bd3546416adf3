package com.ticketing.reservation.paymentlock.web;

import com.ticketing.common.auth.RoomAdmission;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.Ids;
import com.ticketing.reservation.paymentlock.LockingForPayment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal API for payment-service (docs/contracts.md); never routed by the gateway. */
@RestController
@RequestMapping("/internal/reservations")
class PaymentLockController {

    /**
     * {@code roomId}: the waiting room the gateway admitted the payer to (payment-service passes its
     * {@code X-Queue-Room}); the reservation's schedule must be that room's.
     */
    public record LockRequest(
            @NotNull @Positive @Max(Ids.MAX) Long userId,
            @NotNull @Positive @Max(Ids.MAX) Long paymentId,
            @NotNull @Positive @Max(Ids.MAX) Long roomId) {
    }

    private final LockingForPayment locking;

    public PaymentLockController(LockingForPayment locking) {
        this.locking = locking;
    }

    @PostMapping("/{reservationId}/payment-lock")
    public ApiResponse<InternalReservationView> lock(@PathVariable @Positive @Max(Ids.MAX) long reservationId,
                                                     @Valid @RequestBody LockRequest request) {
        return ApiResponse.of(InternalReservationView.of(
                locking.lock(reservationId, request.userId(), request.paymentId(), new RoomAdmission(request.roomId()))));
    }

    @DeleteMapping("/{reservationId}/payment-lock/{paymentId}")
    public ApiResponse<InternalReservationView> unlock(@PathVariable @Positive @Max(Ids.MAX) long reservationId,
                                                       @PathVariable @Positive @Max(Ids.MAX) long paymentId) {
        return ApiResponse.of(InternalReservationView.of(locking.unlock(reservationId, paymentId)));
    }

    @GetMapping("/{reservationId}")
    public ApiResponse<InternalReservationView> reservation(@PathVariable @Positive @Max(Ids.MAX) long reservationId) {
        return ApiResponse.of(InternalReservationView.of(locking.find(reservationId)));
    }
}
