package com.ticketing.payment.saga.messaging;

import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The compensation consumer never gives up on an event it could not apply because something was briefly down
 * (its database): a refund sent to the dead-letter topic would be money not given back. So, unlike the shared
 * handler (4 quick retries, then dead letter), it retries with exponential backoff up to 30 s apart for as long
 * as it takes; only an envelope that can never be read goes to {@code reservation.events.DLT} at once.
 * (Failures of user-service do not even reach this handler: the saga records the refund as due and the
 * reconciler repeats it. reservation-service not answering the refund's check of the facts does reach it:
 * {@code PaymentSaga.RefundNotVerified} is retried the same way until the reservation's state is known.)
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    static final String COMPENSATION_LISTENER_FACTORY = "compensationListenerFactory";

    @Bean(COMPENSATION_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> compensationListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            KafkaTemplate<String, String> template, MeterRegistry meters) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        Counter deadLettered = Counter.builder("events.dead_lettered")
                .description("events sent to a dead-letter topic").register(meters);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, ex) -> {
            deadLettered.increment();
            return new TopicPartition(record.topic() + Topics.DLT_SUFFIX, -1);
        });
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}
