package com.ticketing.reservation.expiry;

import com.ticketing.reservation.config.ReservationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs {@link ExpiringHolds} every {@code ticketing.reservation.expiry.interval} on its own thread. */
@Component
public class HoldSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final ExpiringHolds expiringHolds;
    private final ReservationProperties.Expiry settings;
    private ScheduledExecutorService executor;

    public HoldSweeper(ExpiringHolds expiringHolds, ReservationProperties props) {
        this.expiringHolds = expiringHolds;
        this.settings = props.expiry();
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hold-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(this::sweepSafely, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            int n = expiringHolds.expireDue();
            if (n > 0) {
                log.debug("Expired {} holds", n);
            }
        } catch (RuntimeException e) {
            log.warn("Hold sweep failed, retrying next tick: {}", e.toString());
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
