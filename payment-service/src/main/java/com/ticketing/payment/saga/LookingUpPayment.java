package com.ticketing.payment.saga;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.payment.PaymentErrors;
import com.ticketing.payment.domain.Payment;
import com.ticketing.payment.domain.persistence.PaymentRepository;
import org.springframework.stereotype.Service;

/** Reads one payment: for its owner (anybody else's does not exist), or for another service by id. */
@Service
public class LookingUpPayment {

    private final PaymentRepository payments;

    public LookingUpPayment(PaymentRepository payments) {
        this.payments = payments;
    }

    public Payment ofUser(long userId, long paymentId) {
        return payments.find(paymentId)
                .filter(p -> p.userId() == userId)
                .orElseThrow(() -> Refusal.notFound(PaymentErrors.PAYMENT_NOT_FOUND, "payment not found"));
    }

    public Payment byId(long paymentId) {
        return payments.find(paymentId)
                .orElseThrow(() -> Refusal.notFound(PaymentErrors.PAYMENT_NOT_FOUND, "no payment " + paymentId));
    }
}
