package com.ticketing.reservation.confirmation;

import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Replaces common's dead-lettering error handler (it backs off when a service defines its own) with one
 * difference: while the DATABASE is unavailable, a {@code PaymentCompleted} is retried with back-off for as
 * long as it takes instead of being dead-lettered after a second. Dead-lettering it would leave a paid
 * reservation locked and its payment neither confirmed nor refunded. The partition waits, nothing is lost,
 * order is kept. Malformed events still go to {@code <topic>.DLT} at once, other failures after a few quick
 * retries, counted in {@code events.dead_lettered} as in common.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventsErrorHandling {

    @Bean
    CommonErrorHandler paymentEventsErrorHandler(KafkaTemplate<String, String> template, MeterRegistry meters) {
        Counter deadLettered = Counter.builder("events.dead_lettered")
                .description("events sent to a dead-letter topic").register(meters);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> {
                    deadLettered.increment();
                    return new TopicPartition(record.topic() + Topics.DLT_SUFFIX, -1);
                });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 4L));
        handler.setBackOffFunction((record, ex) -> databaseUnavailable(ex) ? untilTheDatabaseIsBack() : null);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
        return handler;
    }

    /** Whether the failure says "the database cannot be reached or is contended now", anywhere in the cause chain. */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof PessimisticLockingFailureException || t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    /** 200 ms doubling to 10 s between attempts, with no end. */
    static BackOff untilTheDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(200L, 2.0);
        backOff.setMaxInterval(10_000L);
        return backOff;
    }
}
