package com.ticketing.concert.seatview.messaging;

import com.ticketing.common.event.ConsumerRetryPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.time.Duration;

/**
 * The replay of {@code reservation.events.DLT} into the seat view retries a record that fails (its cause not gone
 * yet) with exponential back-off, 1 s doubling to {@code ticketing.concert.seat-view.dead-letter-replay.max-interval}
 * (30 s) between attempts, without end: a dead letter waits on its own topic until it applies, never dropped.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterReplayConfiguration {

    static final String FACTORY = "deadLetterReplayFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterReplayFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            @Value("${ticketing.concert.seat-view.dead-letter-replay.max-interval:30s}") Duration maxInterval) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        // Common's back-off, without end and without a recoverer: a dead letter is never dead-lettered again.
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                ConsumerRetryPolicy.backOff(Duration.ofSeconds(1), maxInterval, null)));
        factory.setConcurrency(1);
        return factory;
    }
}
