package com.ticketing.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes unpublished {@code outbox_event} rows to Kafka, oldest first, at least once.
 *
 * <p>Several instances may run it: each batch first takes the single row of {@code outbox_relay_lock}
 * with {@code FOR UPDATE SKIP LOCKED}, so one instance relays at a time and the order per aggregate is
 * the commit order of the outbox. A batch that fails to send is rolled back and retried on the next
 * tick, so while Kafka is down rows simply wait.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private volatile boolean kafkaDownLogged;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx,
                       MeterRegistry meters, int batchSize, Duration sendTimeout) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = tx;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.published = Counter.builder("outbox.published").description("outbox events published to Kafka").register(meters);
        this.failures = Counter.builder("outbox.relay.failures").description("relay batches that failed to publish").register(meters);
        this.lag = Timer.builder("outbox.lag").description("time from commit of an event to its publication").register(meters);
        Gauge.builder("outbox.pending", this, OutboxRelay::pendingSafely)
                .description("outbox events not yet published").register(meters);
    }

    /** Relays batches until the outbox is drained or a batch fails; returns how many events were published. */
    public int relayPending() {
        try {
            // Most polls find nothing: one read says so, without the transaction (five statements) of a batch.
            if (jdbc.queryForList("SELECT id FROM outbox_event WHERE published_at IS NULL LIMIT 1", Long.class).isEmpty()) {
                return 0;
            }
        } catch (RuntimeException e) {
            failed(e);
            return 0;
        }
        int total = 0;
        while (true) {
            int n;
            try {
                Integer sent = tx.execute(status -> relayBatch());
                n = sent == null ? 0 : sent;
                if (kafkaDownLogged) {
                    kafkaDownLogged = false;
                    log.info("Outbox relay publishing again");
                }
            } catch (RuntimeException e) {
                failed(e);
                return total;
            }
            total += n;
            if (n < batchSize) {
                return total;
            }
        }
    }

    private void failed(RuntimeException e) {
        failures.increment();
        if (!kafkaDownLogged) {
            kafkaDownLogged = true;
            log.warn("Outbox relay cannot publish, events wait in the outbox: {}", e.toString());
        }
    }

    private int relayBatch() {
        List<Long> lock = jdbc.queryForList(
                "SELECT id FROM outbox_relay_lock WHERE id = 1 FOR UPDATE SKIP LOCKED", Long.class);
        if (lock.isEmpty()) {
            return 0; // another instance is relaying
        }
        List<Row> rows = jdbc.query(
                "SELECT id, topic, aggregate_id, envelope, created_at FROM outbox_event "
                        + "WHERE published_at IS NULL ORDER BY id LIMIT ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(kafka.send(row.topic, row.aggregateId, row.envelope));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("publishing outbox batch failed", e);
        }
        Instant now = Instant.now();
        // One statement for the batch (a JDBC batch is one round trip per row with this driver).
        Object[] args = new Object[rows.size() + 1];
        args[0] = Timestamp.from(now);
        for (int i = 0; i < rows.size(); i++) {
            args[i + 1] = rows.get(i).id;
        }
        jdbc.update("UPDATE outbox_event SET published_at = ? WHERE id IN ("
                + String.join(", ", Collections.nCopies(rows.size(), "?")) + ")", args);
        for (Row row : rows) {
            lag.record(Duration.between(row.createdAt, now));
        }
        published.increment(rows.size());
        return rows.size();
    }

    /** Deletes published rows older than {@code retention}; unpublished rows are never deleted. */
    public int purgePublished(Duration retention) {
        return jdbc.update("DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < ? LIMIT 10000",
                Timestamp.from(Instant.now().minus(retention)));
    }

    public long pending() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    private double pendingSafely() {
        try {
            return pending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record Row(long id, String topic, String aggregateId, String envelope, Instant createdAt) {
    }
}
