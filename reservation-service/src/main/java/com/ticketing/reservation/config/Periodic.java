package com.ticketing.reservation.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a background task every {@code every} on its own daemon thread while the application runs; a failed run is logged and the next one tries again. */
public abstract class Periodic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final boolean enabled;
    private final Duration every;
    private ScheduledExecutorService executor;

    protected Periodic(String name, boolean enabled, Duration every) {
        this.name = name;
        this.enabled = enabled;
        this.every = every;
    }

    /** One run; returns how many things it handled (for the debug log). */
    protected abstract int runOnce();

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long millis = every.toMillis();
        executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            int n = runOnce();
            if (n > 0) {
                log.debug("{}: {} handled", name, n);
            }
        } catch (RuntimeException e) {
            log.warn("{} failed, retrying next tick: {}", name, e.toString());
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
