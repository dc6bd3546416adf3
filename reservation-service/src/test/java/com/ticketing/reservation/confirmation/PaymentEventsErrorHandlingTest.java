package com.ticketing.reservation.confirmation;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentEventsErrorHandlingTest {

    @Test
    void shouldKeepRetryingAFailingPaymentEventWithoutEndAtMostTenSecondsApart() {
        BackOffExecution execution = PaymentEventsErrorHandling.retryWithoutEnd().start();

        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) { // ~28 hours of attempts
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(10_000L);
        }
        assertThat(last).isEqualTo(10_000L);
    }
}
