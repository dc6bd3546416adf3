package com.ticketing.payment.reconcile;

import com.ticketing.payment.config.PaymentProperties;
import com.ticketing.payment.domain.Payment;
import com.ticketing.payment.domain.persistence.PaymentRepository;
import com.ticketing.payment.saga.PaymentSaga;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Leaves no payment ambiguous: every tick it takes the payments whose background work is due (debit outcome
 * unknown, request abandoned, lock to release, refund to make), one at a time, each row-locked with
 * {@code FOR UPDATE SKIP LOCKED} in its own READ COMMITTED transaction, and lets the saga settle it. Any number
 * of instances can run it: they skip each other's rows instead of waiting, and no gap locks block requests.
 */
@Component
@ConditionalOnProperty(name = "ticketing.payment.reconcile.enabled", havingValue = "true", matchIfMissing = true)
public class PaymentReconciler {

    private final PaymentRepository payments;
    private final PaymentSaga saga;
    private final TransactionTemplate tx;
    private final int batchSize;

    public PaymentReconciler(PaymentRepository payments, PaymentSaga saga, PlatformTransactionManager txManager,
                             PaymentProperties properties) {
        this.payments = payments;
        this.saga = saga;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.batchSize = properties.reconcile().batchSize();
    }

    /** One tick, run every {@code ticketing.payment.reconcile.interval} by {@link ReconcilerSchedule}; returns how many it settled. */
    public int reconcileDue() {
        int settled = 0;
        while (settled < batchSize && reconcileNext()) {
            settled++;
        }
        return settled;
    }

    /** Settles the next due payment, if any; returns whether there was one. */
    public boolean reconcileNext() {
        Boolean found = tx.execute(status -> {
            Optional<Payment> due = payments.lockNextDue();
            due.ifPresent(saga::reconcile);
            return due.isPresent();
        });
        return Boolean.TRUE.equals(found);
    }
}
