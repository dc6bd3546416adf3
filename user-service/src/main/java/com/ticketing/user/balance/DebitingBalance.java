package com.ticketing.user.balance;

import com.ticketing.user.balance.persistence.Accounts;
import com.ticketing.user.balance.persistence.Ledger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pays for a payment from the balance, once per payment id. The conditional update takes the money only if
 * the balance covers it; the ledger's unique (payment_id, kind) key lets exactly one debit per payment id
 * commit. A concurrent or retried duplicate rolls back as a whole and answers the first debit's result.
 */
@Service
public class DebitingBalance {

    private final Accounts accounts;
    private final Ledger ledger;
    private final BalanceTransactions transactions;
    private final BalanceLimits limits;
    private final BalanceMetrics metrics;

    public DebitingBalance(Accounts accounts, Ledger ledger, BalanceTransactions transactions, BalanceLimits limits,
                           BalanceMetrics metrics) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.transactions = transactions;
        this.limits = limits;
        this.metrics = metrics;
    }

    public PaymentBalance debit(long userId, long paymentId, long amount) {
        if (!limits.isPayable(amount)) {
            throw BalanceErrors.invalidAmount("amount must be between 1 and " + limits.maxBalance() + " won");
        }
        Optional<PaymentBalance> repeat = repeatOf(userId, paymentId, amount);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        OptionalLong debited;
        try {
            debited = transactions.run(() -> {
                if (!accounts.withdraw(userId, amount)) {
                    return OptionalLong.empty();
                }
                long balance = accounts.balanceOf(userId).orElseThrow();
                ledger.append(userId, LedgerKind.DEBIT, amount, balance, paymentId, null);
                return OptionalLong.of(balance);
            });
        } catch (DuplicateKeyException concurrentRepeat) {
            return repeatOf(userId, paymentId, amount).orElseThrow(() -> concurrentRepeat);
        }
        if (debited.isPresent()) {
            metrics.applied(LedgerKind.DEBIT);
            return new PaymentBalance(userId, paymentId, debited.getAsLong());
        }
        // Nothing changed. A duplicate that committed first may be why the balance no longer covers it.
        repeat = repeatOf(userId, paymentId, amount);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (!accounts.exists(userId)) {
            throw BalanceErrors.userNotFound(userId);
        }
        metrics.insufficientBalance();
        throw BalanceErrors.insufficientBalance();
    }

    private Optional<PaymentBalance> repeatOf(long userId, long paymentId, long amount) {
        return ledger.findByPayment(paymentId, LedgerKind.DEBIT).map(first -> {
            if (!first.isRepeatOf(userId, amount)) {
                throw BalanceErrors.paymentIdConflict(paymentId);
            }
            metrics.replayed(LedgerKind.DEBIT);
            return new PaymentBalance(userId, paymentId, first.balanceAfter());
        });
    }
}
