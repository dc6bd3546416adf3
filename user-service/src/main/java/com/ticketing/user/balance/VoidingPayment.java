package com.ticketing.user.balance;

import com.ticketing.user.UserErrors;
import com.ticketing.user.balance.persistence.PaymentClaims;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * payment-service's fence: it decided that the debit of a payment did not happen and, before it tells anyone
 * so, makes that true here. The void claims the payment id ({@code payment_claim}, primary key) in its own
 * transaction; a debit claims the same key in its transaction, so the two are decided one after the other:
 * <ul>
 *   <li>the void first: the debit, whenever it arrives (even one already waiting for the void's row lock), is
 *       refused with {@code PAYMENT_VOIDED} and changes nothing;</li>
 *   <li>the debit first (committed, or still running and then committing): the void waits for it and answers
 *       {@code DEBIT_EXISTS}: the payment took its money and must complete.</li>
 * </ul>
 * Idempotent: a repeated void answers VOID again.
 */
@Service
public class VoidingPayment {

    private final PaymentClaims claims;
    private final BalanceTransactions transactions;
    private final BalanceMetrics metrics;

    public VoidingPayment(PaymentClaims claims, BalanceTransactions transactions, BalanceMetrics metrics) {
        this.claims = claims;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    public PaymentVoid voidPayment(long userId, long paymentId) {
        try {
            transactions.run(() -> {
                claims.claim(paymentId, userId, PaymentClaim.Outcome.VOID);
                return null;
            });
            metrics.voided("voided");
            return PaymentVoid.of(userId, paymentId);
        } catch (DuplicateKeyException alreadyClaimed) {
            PaymentClaim first = claims.find(paymentId).orElseThrow(() -> alreadyClaimed);
            if (first.userId() != userId) {
                throw UserErrors.paymentIdConflict(paymentId);
            }
            if (!first.isVoid()) {
                metrics.voided("debit_exists");
                throw UserErrors.debitExists(paymentId);
            }
            metrics.voided("repeated");
            return PaymentVoid.of(userId, paymentId);
        }
    }
}
