package com.ticketing.user.balance;

import com.ticketing.user.UserErrors;
import com.ticketing.user.balance.persistence.Accounts;
import com.ticketing.user.balance.persistence.Ledger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Gives back a payment's debit, once, and never more than was debited. The debit row it refunds is
 * committed and immutable (the ledger is append-only), so checking it before the transaction is safe; the
 * unique (payment_id, kind) key lets exactly one refund per payment id commit.
 */
@Service
public class RefundingDebit {

    private final Accounts accounts;
    private final Ledger ledger;
    private final BalanceTransactions transactions;
    private final BalanceLimits limits;
    private final BalanceMetrics metrics;

    public RefundingDebit(Accounts accounts, Ledger ledger, BalanceTransactions transactions, BalanceLimits limits,
                          BalanceMetrics metrics) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.transactions = transactions;
        this.limits = limits;
        this.metrics = metrics;
    }

    public PaymentBalance refund(long userId, long paymentId, long amount) {
        if (!limits.isPayable(amount)) {
            throw UserErrors.invalidAmount("amount must be between 1 and " + limits.maxBalance() + " won");
        }
        Optional<PaymentBalance> repeat = repeatOf(userId, paymentId, amount);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        LedgerEntry debit = ledger.findByPayment(paymentId, LedgerKind.DEBIT)
                .filter(d -> d.userId() == userId)
                .orElseThrow(() -> UserErrors.debitNotFound(userId, paymentId));
        if (amount > debit.amount()) {
            throw UserErrors.refundExceedsDebit(debit.amount());
        }
        long balance;
        try {
            balance = transactions.run(() -> {
                if (!accounts.deposit(userId, amount)) {
                    throw new IllegalStateException("user " + userId + " of a recorded debit is gone");
                }
                long after = accounts.balanceOf(userId).orElseThrow();
                ledger.append(userId, LedgerKind.REFUND, amount, after, paymentId, null);
                return after;
            });
        } catch (DuplicateKeyException concurrentRepeat) {
            return repeatOf(userId, paymentId, amount).orElseThrow(() -> concurrentRepeat);
        }
        metrics.applied(LedgerKind.REFUND);
        return new PaymentBalance(userId, paymentId, balance);
    }

    private Optional<PaymentBalance> repeatOf(long userId, long paymentId, long amount) {
        return ledger.findByPayment(paymentId, LedgerKind.REFUND).map(first -> {
            if (!first.isRepeatOf(userId, amount)) {
                throw UserErrors.paymentIdConflict(paymentId);
            }
            metrics.replayed(LedgerKind.REFUND);
            return new PaymentBalance(userId, paymentId, first.balanceAfter());
        });
    }
}
