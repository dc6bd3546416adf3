package com.ticketing.payment.reconcile;

import com.ticketing.common.periodic.PeriodicTask;
import com.ticketing.payment.config.PaymentProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs {@link PaymentReconciler#reconcileDue()} every {@code ticketing.payment.reconcile.interval} on its own
 * thread ({@code payment-reconciler}); the database or a dependency being down is logged once when it starts and
 * once when it ends, not at every tick.
 */
@Component
@ConditionalOnProperty(name = "ticketing.payment.reconcile.enabled", havingValue = "true", matchIfMissing = true)
class ReconcilerSchedule extends PeriodicTask {

    ReconcilerSchedule(PaymentReconciler reconciler, PaymentProperties properties) {
        super("payment-reconciler", true, properties.reconcile().interval(), reconciler::reconcileDue);
    }
}
