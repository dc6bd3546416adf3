package com.ticketing.common.config;

import com.ticketing.common.event.ConsumerRetryPolicy;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import com.ticketing.common.outbox.OutboxRelay;
import com.ticketing.common.outbox.OutboxRelayScheduler;
import com.ticketing.common.outbox.OutboxWriter;
import com.ticketing.common.outbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
         * The consumer retry policy ({@link ConsumerRetryPolicy}): back-off from
         * {@code ticketing.events.retry.initial-interval} (200 ms) doubling to {@code max-interval} (10 s); retries
         * end after {@code max-elapsed} (15 min) unless the option says "until applied".
         */
        @Bean
        @ConditionalOnMissingBean
        ConsumerRetryPolicy consumerRetryPolicy(KafkaTemplate<String, String> template, MeterRegistry meters,
                                                Environment env) {
            return new ConsumerRetryPolicy(template, meters,
                    env.getProperty("ticketing.events.retry.initial-interval", Duration.class, Duration.ofMillis(200)),
                    env.getProperty("ticketing.events.retry.max-interval", Duration.class, Duration.ofSeconds(10)),
                    env.getProperty("ticketing.events.retry.max-elapsed", Duration.class, Duration.ofMinutes(15)));
        }

        /**
         * Every consumer's handler: dead-letter after {@code max-elapsed}, or, with
         * {@code ticketing.events.retry.until-applied=true} (a service whose every event is money already moved),
         * retry a readable event without end. Either way an unreadable one goes to {@code <topic>.DLT} at once.
         */
        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        CommonErrorHandler deadLetteringErrorHandler(ConsumerRetryPolicy policy, Environment env) {
            return env.getProperty("ticketing.events.retry.until-applied", Boolean.class, false)
                    ? policy.untilApplied() : policy.deadLetterAfterRetries();
        }
    }

    /**
     * A listener container factory for the consumers of a service that must retry until applied while its
     * other consumers keep the default: {@code @KafkaListener(containerFactory = UNTIL_APPLIED_FACTORY)}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer")
    static class UntilAppliedConsumers {

        @Bean(ConsumerRetryPolicy.UNTIL_APPLIED_FACTORY)
        ConcurrentKafkaListenerContainerFactory<Object, Object> untilAppliedListenerFactory(
                ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
                ConsumerRetryPolicy policy) {
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
            configurer.configure(factory, consumers);
            factory.setCommonErrorHandler(policy.untilApplied());
            return factory;
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
