package com.ticketing.reservation.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Set;

/**
 * {@code ticketing.reservation.*}.
 *
 * @param holdDuration               how long a seat stays held without payment
 * @param maxActiveHoldsPerUser      held or locked reservations one user may have at once
 * @param expiry                     the expiry sweeper
 * @param failConfirmationForSeatIds TEST SWITCH ({@code faults.ForcedConfirmationFailures}), empty by default: payments for these seats are never
 *                                   confirmed (the reservation is cancelled and {@code ReservationConfirmationFailed}
 *                                   is emitted), so the compensation path can be exercised end to end
 * @param paying                     the check of reservations locked for payment (PAYING)
 */
@Validated
@ConfigurationProperties("ticketing.reservation")
public record ReservationProperties(
        @DefaultValue("5m") @NotNull Duration holdDuration,
        @DefaultValue("4") @Min(1) @Max(100) int maxActiveHoldsPerUser,
        @DefaultValue @Valid Expiry expiry,
        @DefaultValue Set<Long> failConfirmationForSeatIds,
        @DefaultValue @Valid Paying paying) {

    /**
     * @param enabled          whether this instance runs the sweeper (any number of instances may)
     * @param interval         pause between sweeps
     * @param batchSize        holds expired per transaction
     * @param maxBatchesPerRun bounds one sweep; the rest waits for the next
     */
    public record Expiry(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration interval,
            @DefaultValue("200") @Min(1) @Max(10000) int batchSize,
            @DefaultValue("20") @Min(1) int maxBatchesPerRun) {
    }

    /**
     * A PAYING reservation whose lock is older than {@code checkAfter} is checked with payment-service; if its
     * payment is over (FAILED, REFUNDED, unknown) the lock is released and fenced, so expiry applies again.
     *
     * @param enabled      whether this instance runs the check (any number of instances may)
     * @param interval     pause between runs
     * @param checkAfter   age of a lock before its payment is first asked about
     * @param recheckEvery pause before asking again about a payment still under way (or when payment-service did
     *                     not answer)
     * @param batchSize    reservations checked per run
     * @param settleWithin the bound a reservation stays PAYING within while its dependencies answer; the
     *                     reconciliation check reports one PAYING for longer
     */
    public record Paying(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration interval,
            @DefaultValue("30s") @NotNull Duration checkAfter,
            @DefaultValue("10s") @NotNull Duration recheckEvery,
            @DefaultValue("100") @Min(1) @Max(10000) int batchSize,
            @DefaultValue("2m") @NotNull Duration settleWithin) {
    }
}
