package com.ticketing.user.balance;

import com.ticketing.user.UserErrors;
import com.ticketing.user.balance.persistence.Accounts;
import com.ticketing.user.balance.persistence.Ledger;
import com.ticketing.user.balance.persistence.PaymentClaims;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Pays for a payment from the balance, once per payment id, and never after payment-service voided that id.
 * One transaction: claim the payment id ({@code payment_claim}, primary key: the same key a void takes), take
 * the money only if the balance covers it (conditional update), write the ledger row. A concurrent or retried
 * duplicate, or a void that got there first, makes the claim fail; the whole transaction rolls back and the
 * request answers the first debit's result or {@code PAYMENT_VOIDED} (read only then: a first debit reads nothing
 * before its transaction). A debit the balance does not cover rolls
 * back too, claim included, so the payment id stays usable.
 */
@Service
public class DebitingBalance {

    private final Accounts accounts;
    private final Ledger ledger;
    private final PaymentClaims claims;
    private final BalanceTransactions transactions;
    private final BalanceLimits limits;
    private final BalanceMetrics metrics;

    public DebitingBalance(Accounts accounts, Ledger ledger, PaymentClaims claims, BalanceTransactions transactions,
                           BalanceLimits limits, BalanceMetrics metrics) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.claims = claims;
        this.transactions = transactions;
        this.limits = limits;
        this.metrics = metrics;
    }

    public PaymentBalance debit(long userId, long paymentId, long amount) {
        if (!limits.isPayable(amount)) {
            throw UserErrors.invalidAmount("amount must be between 1 and " + limits.maxBalance() + " won");
        }
        // No read for a repeat first: a repeat is rare, and its claim fails on the payment id's key like any
        // duplicate; the first debit is answered from the ledger then. A first debit costs one transaction only.
        long balance;
        try {
            balance = transactions.run(() -> {
                claims.claim(paymentId, userId, PaymentClaim.Outcome.DEBITED);
                if (!accounts.withdraw(userId, amount)) {
                    throw new NotCovered(); // rolls the claim back with it
                }
                long after = accounts.balanceOf(userId).orElseThrow();
                ledger.append(userId, LedgerKind.DEBIT, amount, after, paymentId, null);
                return after;
            });
        } catch (DuplicateKeyException claimedFirst) {
            return repeatOf(userId, paymentId, amount).orElseThrow(() -> refusalAfter(paymentId, claimedFirst));
        } catch (NotCovered notCovered) {
            // Nothing changed. A duplicate that committed first may be why the balance no longer covers it.
            return repeatOf(userId, paymentId, amount).orElseThrow(() -> refusalOf(userId));
        }
        metrics.applied(LedgerKind.DEBIT);
        return new PaymentBalance(userId, paymentId, balance);
    }

    /** The payment id was claimed by someone else first and no debit of it stands: a void, or a bug. */
    private RuntimeException refusalAfter(long paymentId, DuplicateKeyException claimedFirst) {
        if (claims.find(paymentId).filter(PaymentClaim::isVoid).isPresent()) {
            metrics.voidedDebit();
            return UserErrors.paymentVoided(paymentId);
        }
        return claimedFirst;
    }

    private RuntimeException refusalOf(long userId) {
        if (!accounts.exists(userId)) {
            return UserErrors.userNotFound(userId);
        }
        metrics.insufficientBalance();
        return UserErrors.insufficientBalance();
    }

    private Optional<PaymentBalance> repeatOf(long userId, long paymentId, long amount) {
        return ledger.findByPayment(paymentId, LedgerKind.DEBIT).map(first -> {
            if (!first.isRepeatOf(userId, amount)) {
                throw UserErrors.paymentIdConflict(paymentId);
            }
            metrics.replayed(LedgerKind.DEBIT);
            return new PaymentBalance(userId, paymentId, first.balanceAfter());
        });
    }

    /** The balance does not cover the debit (or there is no such user): roll the transaction back. */
    private static final class NotCovered extends RuntimeException {
        NotCovered() {
            super(null, null, false, false);
        }
    }
}
