package com.ticketing.reservation.paymentlock;

import com.ticketing.common.periodic.PeriodicTask;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.reservation.config.ReservationProperties;
import com.ticketing.reservation.domain.persistence.ReservationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Leaves no reservation PAYING for a payment that is over. Every {@code paying.interval} it takes the PAYING
 * reservations whose check is due ({@code paying.check-after} after the lock, then every
 * {@code paying.recheck-every}), asks payment-service about each payment and, when it is over (FAILED, REFUNDED or
 * unknown), releases the lock exactly as payment-service's unlock would: back to HELD, or EXPIRED when the hold's
 * time ran out meanwhile, and the payment's later locks refused. Expiry then applies as usual. A payment still
 * under way, or a question payment-service does not answer, is asked about again later. Any number of instances
 * may run it: each run claims its rows by moving their next check ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
public class ReleasingDeadLocks extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ReleasingDeadLocks.class);

    private final ReservationStore store;
    private final LockingForPayment locking;
    private final PaymentStates payments;
    private final ReservationProperties.Paying settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Counter released;

    public ReleasingDeadLocks(ReservationStore store, LockingForPayment locking, PaymentStates payments,
                              ReservationProperties props, Clock clock, PlatformTransactionManager txManager,
                              MeterRegistry meters) {
        super("paying-check", props.paying().enabled(), props.paying().interval());
        this.store = store;
        this.locking = locking;
        this.payments = payments;
        this.settings = props.paying();
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.released = Counter.builder("reservation.dead_locks_released")
                .description("PAYING reservations released because their payment was over").register(meters);
    }

    @Override
    protected int runOnce() {
        Instant now = clock.instant();
        List<long[]> due = tx.execute(status ->
                store.takeDuePaymentChecks(now, now.plus(settings.recheckEvery()), settings.batchSize()));
        int n = 0;
        for (long[] reservationAndPayment : due == null ? List.<long[]>of() : due) {
            if (releaseIfOver(reservationAndPayment[0], reservationAndPayment[1])) {
                n++;
            }
        }
        return n;
    }

    private boolean releaseIfOver(long reservationId, long paymentId) {
        if (payments.of(paymentId) != PaymentStates.Verdict.OVER) {
            return false;
        }
        try {
            locking.unlock(reservationId, paymentId);
        } catch (Refusal meanwhile) {
            return false; // confirmed or locked by another payment since: nothing of this payment to release
        }
        released.increment();
        log.info("Reservation {} was locked by payment {}, which is over: lock released", reservationId, paymentId);
        return true;
    }
}
