package com.ticketing.user.balance;

import com.ticketing.user.UserErrors;
import com.ticketing.user.balance.persistence.Accounts;
import com.ticketing.user.balance.persistence.Ledger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tops up a user's balance. With an {@code Idempotency-Key} a retried charge answers the first result and
 * charges nothing: the key is stored with the ledger row, unique per user, so of two concurrent requests with
 * one key only one commits; the other rolls back entirely and answers the winner's result.
 */
@Service
public class ChargingBalance {

    private final Accounts accounts;
    private final Ledger ledger;
    private final BalanceTransactions transactions;
    private final BalanceLimits limits;
    private final BalanceMetrics metrics;

    public ChargingBalance(Accounts accounts, Ledger ledger, BalanceTransactions transactions, BalanceLimits limits,
                           BalanceMetrics metrics) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.transactions = transactions;
        this.limits = limits;
        this.metrics = metrics;
    }

    /** @param idempotencyKey the client's key, or {@code null} for a charge that is not to be deduplicated */
    public UserBalance charge(long userId, long amount, String idempotencyKey) {
        if (!limits.isChargeable(amount)) {
            throw UserErrors.invalidAmount("amount must be between 1 and " + limits.maxCharge() + " won");
        }
        Optional<UserBalance> repeat = repeatOf(userId, amount, idempotencyKey);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        long ceiling = limits.highestBalanceBeforeCharging(amount);
        OptionalLong charged;
        try {
            charged = transactions.run(() -> {
                if (!accounts.depositUpTo(userId, amount, ceiling)) {
                    return OptionalLong.empty();
                }
                long balance = accounts.balanceOf(userId).orElseThrow();
                ledger.append(userId, LedgerKind.CHARGE, amount, balance, null, idempotencyKey);
                return OptionalLong.of(balance);
            });
        } catch (DuplicateKeyException concurrentRepeat) {
            // A request with the same key committed first; this one was rolled back as a whole.
            return repeatOf(userId, amount, idempotencyKey).orElseThrow(() -> concurrentRepeat);
        }
        if (charged.isPresent()) {
            metrics.applied(LedgerKind.CHARGE);
            return new UserBalance(userId, charged.getAsLong());
        }
        // Nothing changed. The first request with this key may have filled the balance up meanwhile.
        repeat = repeatOf(userId, amount, idempotencyKey);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (!accounts.exists(userId)) {
            throw UserErrors.userNotFound(userId);
        }
        metrics.balanceLimitExceeded();
        throw UserErrors.balanceLimitExceeded(limits.maxBalance());
    }

    private Optional<UserBalance> repeatOf(long userId, long amount, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return ledger.findCharge(userId, idempotencyKey).map(first -> {
            if (!first.isRepeatOf(userId, amount)) {
                throw UserErrors.idempotencyKeyReused();
            }
            metrics.replayed(LedgerKind.CHARGE);
            return new UserBalance(userId, first.balanceAfter());
        });
    }
}
