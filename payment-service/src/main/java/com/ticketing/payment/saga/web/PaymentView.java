package com.ticketing.payment.saga.web;

import com.ticketing.payment.domain.Payment;

/**
 * {@code GET /v1/api/concerts/payment/{id}}: a payment as its owner sees it. {@code amount} is null while the
 * reservation's price is not known yet, {@code balance} is the balance right after the debit when known,
 * {@code failureCode} says why a FAILED payment failed.
 */
public record PaymentView(long paymentId, long reservationId, Long amount, String status, Long balance,
                          String failureCode) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.id(), p.reservationId(), p.amount(), p.status().name(), p.balanceAfter(),
                p.failureCode());
    }
}
