package com.ticketing.reservation.confirmation;

import com.ticketing.common.event.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentEventsErrorHandlingTest {

    @Test
    void shouldTreatAnUnreachableDatabaseAsWorthWaitingFor() {
        Exception noConnection = new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no tx", new CannotGetJdbcConnectionException("down", new SQLException())));

        assertThat(PaymentEventsErrorHandling.databaseUnavailable(noConnection)).isTrue();
    }

    @Test
    void shouldNotWaitForMalformedEventsOrBugs() {
        assertThat(PaymentEventsErrorHandling.databaseUnavailable(
                new ListenerExecutionFailedException("x", new EventJson.MalformedEventException("bad")))).isFalse();
        assertThat(PaymentEventsErrorHandling.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void shouldKeepRetryingWithoutEndWhileTheDatabaseIsDown() {
        BackOff backOff = PaymentEventsErrorHandling.untilTheDatabaseIsBack();
        BackOffExecution execution = backOff.start();

        long last = 0;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(10_000L);
    }
}
