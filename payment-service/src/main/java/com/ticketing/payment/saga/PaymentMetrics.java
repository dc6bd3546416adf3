package com.ticketing.payment.saga;

import com.ticketing.payment.domain.persistence.PaymentRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * {@code payment.outcomes{outcome}} (completed, failed, debit_unknown, duplicate) per payment request,
 * {@code payment.refunds{result}} (refunded, deferred, refused: the reservation is paid by the payment), {@code payment.reconciliations{result}} (completed,
 * failed, released, refunded, deferred) and the gauge {@code payment.followup.backlog}.
 */
@Component
public class PaymentMetrics {

    private final MeterRegistry meters;

    public PaymentMetrics(MeterRegistry meters, PaymentRepository payments) {
        this.meters = meters;
        Gauge.builder("payment.followup.backlog", payments, p -> {
                    try {
                        return p.followUpBacklog();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("payments with background work left (unknown debit, lock to release, refund)")
                .register(meters);
    }

    void outcome(String outcome) {
        counter("payment.outcomes", "outcome", outcome, "payment requests by outcome").increment();
    }

    void refund(String result) {
        counter("payment.refunds", "result", result, "refunds of payments whose reservation could not be confirmed")
                .increment();
    }

    void reconciliation(String result) {
        counter("payment.reconciliations", "result", result, "background resolutions of payments").increment();
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).tag(tag, value.toLowerCase(Locale.ROOT)).description(description).register(meters);
    }
}
