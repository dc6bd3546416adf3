package com.ticketing.queue.admission;

import com.ticketing.queue.config.QueueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the admission step every {@code ticketing.queue.admission.interval} on its own thread. Every instance
 * runs one; no leader election is needed because the step itself enforces the limits atomically.
 */
@Component
@ConditionalOnProperty(name = "ticketing.queue.admission.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class AdmissionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdmissionScheduler.class);

    private final AdmittingUsers admitting;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean failing;

    AdmissionScheduler(AdmittingUsers admitting, QueueProperties properties) {
        this.admitting = admitting;
        this.interval = properties.admission().interval();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queue-admission");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            admitting.admitNext();
            if (failing) {
                failing = false;
                log.info("Admission step works again");
            }
        } catch (RuntimeException e) {
            // Logged once per outage, not every tick.
            if (!failing) {
                failing = true;
                log.warn("Admission step failed; retrying every {}: {}", interval, e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                // Let a running step finish before Redis connections close.
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
