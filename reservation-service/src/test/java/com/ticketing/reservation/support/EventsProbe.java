package com.ticketing.reservation.support;

import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a topic of the embedded broker from the beginning, as an outside consumer would. */
public final class EventsProbe {

    /** @param value the record value as it travelled (what a consumer reads) */
    public record Received(String key, EventEnvelope envelope, String value) {
    }

    private final String bootstrap;
    private final EventJson json;

    public EventsProbe(String bootstrap, EventJson json) {
        this.bootstrap = bootstrap;
        this.json = json;
    }

    /** Every record of {@code topic} matching {@code wanted} that arrives within {@code within}; stops early at {@code enough}. */
    public List<Received> read(String topic, Predicate<Received> wanted, int enough, Duration within) {
        List<Received> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            // Manual assignment from offset 0: no group membership, no rebalances.
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && found.size() < enough) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Received r = new Received(record.key(), json.read(record.value()), record.value());
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /** The first event of {@code type} for {@code aggregateId}, waiting up to 20 s; fails if none comes. */
    public Received await(String topic, String type, long aggregateId) {
        List<Received> found = read(topic, r -> r.envelope().type().equals(type)
                && r.envelope().aggregateId().equals(Long.toString(aggregateId)), 1, Duration.ofSeconds(20));
        if (found.isEmpty()) {
            throw new AssertionError("no " + type + " for " + aggregateId + " on " + topic);
        }
        return found.get(0);
    }
}
