package com.ticketing.payment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * {@code ticketing.payment.*}.
 *
 * @param reconcile the background resolution of payments (see {@link com.ticketing.payment.reconcile.PaymentReconciler})
 */
@Validated
@ConfigurationProperties("ticketing.payment")
public record PaymentProperties(@NotNull @Valid Reconcile reconcile) {

    /**
     * @param enabled           run the reconciler in this instance
     * @param interval          pause between reconciler ticks
     * @param retryDelay        wait before resolving an unknown debit, releasing a lock or retrying a refund; longer
     *                          than any request user-service may still be working on
     * @param stalePendingAfter a PENDING payment untouched this long is treated as abandoned (crashed request);
     *                          longer than the longest payment request (all timeouts and retries)
     * @param batchSize         most payments settled per tick
     * @param settleWithin      the bound every payment settles within while its dependencies answer (PENDING,
     *                          DEBIT_UNKNOWN, REFUNDING, or FAILED with its lock not yet released); the
     *                          reconciliation check reports a payment unsettled for longer
     */
    public record Reconcile(boolean enabled, @NotNull Duration interval, @NotNull Duration retryDelay,
                            @NotNull Duration stalePendingAfter, @Min(1) int batchSize, @NotNull Duration settleWithin) {
    }
}
