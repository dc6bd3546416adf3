package com.ticketing.common.outbox;

import com.ticketing.common.periodic.PeriodicTask;

import java.time.Duration;

/**
 * Runs the outbox relay on its own thread ({@code outbox-relay}) every poll interval, and purges published rows
 * older than the retention hourly on another ({@code outbox-purge}); both are {@link PeriodicTask}s, so Kafka or
 * the database being down is logged once when it starts and once when it ends.
 */
public class OutboxRelayScheduler extends PeriodicTask {

    private final PeriodicTask purge;

    public OutboxRelayScheduler(OutboxRelay relay, Duration interval, Duration retention) {
        super("outbox-relay", true, interval, relay::relayPending);
        this.purge = new PeriodicTask("outbox-purge", true, Duration.ofHours(1), () -> relay.purgePublished(retention));
    }

    @Override
    public synchronized void start() {
        super.start();
        purge.start();
    }

    @Override
    public synchronized void stop() {
        purge.stop();
        super.stop();
    }
}
