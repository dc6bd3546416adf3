package com.ticketing.user.balance;

import com.ticketing.user.UserErrors;
import com.ticketing.user.balance.persistence.Ledger;
import org.springframework.stereotype.Service;

/** Tells payment-service whether a debit it did not see the outcome of happened, and whether it was refunded. */
@Service
public class LookingUpDebit {

    private final Ledger ledger;

    public LookingUpDebit(Ledger ledger) {
        this.ledger = ledger;
    }

    public DebitRecord debitOf(long userId, long paymentId) {
        LedgerEntry debit = ledger.findByPayment(paymentId, LedgerKind.DEBIT)
                .filter(d -> d.userId() == userId)
                .orElseThrow(() -> UserErrors.debitNotFound(userId, paymentId));
        boolean refunded = ledger.findByPayment(paymentId, LedgerKind.REFUND).isPresent();
        return new DebitRecord(userId, paymentId, debit.amount(), refunded);
    }
}
