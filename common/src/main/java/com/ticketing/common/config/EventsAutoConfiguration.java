package com.ticketing.common.config;

import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import com.ticketing.common.outbox.OutboxRelay;
import com.ticketing.common.outbox.OutboxRelayScheduler;
import com.ticketing.common.outbox.OutboxWriter;
import com.ticketing.common.outbox.ProcessedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Event plumbing shared by every service that produces or consumes events: the envelope codec, the topics,
 * dead-lettering of poison messages, the outbox writer and relay (producers, {@code ticketing.outbox.enabled=true})
 * and the processed-event ledger (consumers with a database).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson(ObjectProvider<JsonMapper> mapper) {
        JsonMapper m = mapper.getIfAvailable();
        return m == null ? new EventJson() : new EventJson(m);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    static class KafkaEvents {

        @Bean
        NewTopic reservationEventsTopic(Environment env) {
            return topic(Topics.RESERVATION_EVENTS, env);
        }

        @Bean
        NewTopic paymentEventsTopic(Environment env) {
            return topic(Topics.PAYMENT_EVENTS, env);
        }

        @Bean
        NewTopic reservationEventsDeadLetterTopic() {
            return new NewTopic(Topics.RESERVATION_EVENTS + Topics.DLT_SUFFIX, 1, (short) 1);
        }

        @Bean
        NewTopic paymentEventsDeadLetterTopic() {
            return new NewTopic(Topics.PAYMENT_EVENTS + Topics.DLT_SUFFIX, 1, (short) 1);
        }

        private static NewTopic topic(String name, Environment env) {
            int partitions = env.getProperty("ticketing.kafka.partitions", Integer.class, 3);
            short replicas = env.getProperty("ticketing.kafka.replicas", Short.class, (short) 1);
            return new NewTopic(name, partitions, replicas);
        }

        /**
         * Failures of a consumer (its database briefly down, a lock timeout) are retried with exponential
         * back-off (200 ms doubling to 10 s) for up to {@code ticketing.events.retry.max-elapsed} (default 15 min):
         * a consumer that is down loses nothing. Only after that, or at once for an envelope or payload that can
         * never be processed, the record goes to {@code <topic>.DLT}, counted in {@code events.dead_lettered}.
         */
        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> template, MeterRegistry meters,
                                                     Environment env) {
            Counter deadLettered = Counter.builder("events.dead_lettered")
                    .description("events sent to a dead-letter topic").register(meters);
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                    (record, ex) -> {
                        deadLettered.increment();
                        return new TopicPartition(record.topic() + Topics.DLT_SUFFIX, -1);
                    });
            ExponentialBackOff backOff = new ExponentialBackOff(200L, 2.0);
            backOff.setMaxInterval(10_000L);
            backOff.setMaxElapsedTime(env.getProperty("ticketing.events.retry.max-elapsed", Duration.class,
                    Duration.ofMinutes(15)).toMillis());
            DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
            handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
            return handler;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    static class JdbcEvents {

        @Bean
        @ConditionalOnMissingBean
        ProcessedEvents processedEvents(JdbcTemplate jdbc) {
            return new ProcessedEvents(jdbc);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcTemplate.class, KafkaTemplate.class})
    @ConditionalOnProperty(name = "ticketing.outbox.enabled", havingValue = "true")
    static class Outbox {

        @Bean
        OutboxWriter outboxWriter(JdbcTemplate jdbc, EventJson json) {
            return new OutboxWriter(jdbc, json);
        }

        @Bean
        OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka,
                                PlatformTransactionManager txManager, MeterRegistry meters, Environment env) {
            return new OutboxRelay(jdbc, kafka, new TransactionTemplate(txManager), meters,
                    env.getProperty("ticketing.outbox.batch-size", Integer.class, 200),
                    env.getProperty("ticketing.outbox.send-timeout", Duration.class, Duration.ofSeconds(10)));
        }

        @Bean
        OutboxRelayScheduler outboxRelayScheduler(OutboxRelay relay, Environment env) {
            return new OutboxRelayScheduler(relay,
                    env.getProperty("ticketing.outbox.poll-interval", Duration.class, Duration.ofMillis(100)),
                    env.getProperty("ticketing.outbox.retention", Duration.class, Duration.ofHours(24)));
        }
    }
}
