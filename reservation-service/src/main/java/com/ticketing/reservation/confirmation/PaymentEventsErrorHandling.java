package com.ticketing.reservation.confirmation;

import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Replaces common's error handler (it steps back when a service defines one) for one reason: a
 * {@code PaymentCompleted} is money already taken. Dead-lettering it after common's 15 minutes (a database
 * outage that long, a bug being fixed) would leave the reservation locked and the payment neither confirmed
 * nor refunded. So a readable event is retried with back-off (200 ms doubling to 10 s) without end: the
 * partition waits (visible as consumer lag), nothing is lost, order is kept. Only an event that can never be
 * processed ({@link EventJson.MalformedEventException}) goes to {@code <topic>.DLT}, at once, counted in
 * {@code events.dead_lettered} as in common. Same policy as payment-service's compensation consumer.
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
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retryWithoutEnd());
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
        return handler;
    }

    /** 200 ms doubling to 10 s between attempts, with no end. */
    static BackOff retryWithoutEnd() {
        ExponentialBackOff backOff = new ExponentialBackOff(200L, 2.0);
        backOff.setMaxInterval(10_000L);
        return backOff;
    }
}
