package com.ticketing.common.config;

import com.ticketing.common.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the outbox relay on its own thread every poll interval, and purges old published rows hourly. */
class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final Duration interval;
    private final Duration retention;
    private ScheduledExecutorService executor;

    OutboxRelayScheduler(OutboxRelay relay, Duration interval, Duration retention) {
        this.relay = relay;
        this.interval = interval;
        this.retention = retention;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::relaySafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::purgeSafely, 1, 60, TimeUnit.MINUTES);
    }

    private void relaySafely() {
        try {
            relay.relayPending();
        } catch (RuntimeException e) {
            log.warn("Outbox relay tick failed: {}", e.toString());
        }
    }

    private void purgeSafely() {
        try {
            relay.purgePublished(retention);
        } catch (RuntimeException e) {
            log.warn("Outbox purge failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
