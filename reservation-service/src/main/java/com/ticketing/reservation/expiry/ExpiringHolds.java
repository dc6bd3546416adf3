package com.ticketing.reservation.expiry;

import com.ticketing.reservation.config.ReservationProperties;
import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.persistence.ReservationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Ends held reservations whose time is up: {@code EXPIRED}, seat released, {@code ReservationExpired} in the
 * outbox, per batch in one transaction. Safe with any number of instances: each batch row-locks its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so instances take disjoint batches and never wait for each other. Only
 * {@code HELD} rows are candidates: a reservation locked for payment ({@code PAYING}) is never expired here.
 */
@Service
public class ExpiringHolds {

    private final ReservationStore store;
    private final ReservationProperties.Expiry settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Counter expired;

    public ExpiringHolds(ReservationStore store, ReservationProperties props, Clock clock,
                         PlatformTransactionManager txManager, MeterRegistry meters) {
        this.store = store;
        this.settings = props.expiry();
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.expired = Counter.builder("reservation.expired").description("holds expired by the sweeper").register(meters);
    }

    /** Expires due holds in bounded batches; returns how many it expired. */
    public int expireDue() {
        int total = 0;
        for (int batch = 0; batch < settings.maxBatchesPerRun(); batch++) {
            Integer n = tx.execute(status -> expireBatch());
            int done = n == null ? 0 : n;
            total += done;
            if (done < settings.batchSize()) {
                break;
            }
        }
        return total;
    }

    private int expireBatch() {
        Instant now = clock.instant();
        List<Reservation> due = store.lockDueHolds(now, settings.batchSize());
        for (Reservation r : due) {
            r.expire(now);
            store.update(r, now); // with its ReservationExpired
        }
        expired.increment(due.size());
        return due.size();
    }
}
