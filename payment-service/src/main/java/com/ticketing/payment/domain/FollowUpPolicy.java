package com.ticketing.payment.domain;

import java.time.Duration;

/**
 * When the reconciler looks at a payment that needs background work.
 *
 * @param retryDelay        how long after a payment became DEBIT_UNKNOWN / REFUNDING / FAILED-but-locked (or after a
 *                          failed attempt) the reconciler acts. It must exceed the time user-service can still be
 *                          working on a debit whose answer we gave up on, so "no debit found" is final.
 * @param stalePendingAfter how long a PENDING payment may stay untouched before the reconciler assumes its request
 *                          died (process crash) and resolves it; must exceed the longest payment request.
 */
public record FollowUpPolicy(Duration retryDelay, Duration stalePendingAfter) {

    public FollowUpPolicy {
        if (retryDelay.isNegative() || stalePendingAfter.isNegative()) {
            throw new IllegalArgumentException("follow-up delays must not be negative");
        }
    }
}
