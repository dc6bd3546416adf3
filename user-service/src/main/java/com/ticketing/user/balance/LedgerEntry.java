package com.ticketing.user.balance;

/**
 * One committed ledger row: {@code amount} (always positive) moved the balance of {@code userId} in the
 * direction of {@code kind}, leaving {@code balanceAfter}. Rows are never changed after they are written.
 *
 * @param paymentId      set for {@link LedgerKind#DEBIT} and {@link LedgerKind#REFUND}, else {@code null}
 * @param idempotencyKey the client's key of a {@link LedgerKind#CHARGE}, or {@code null}
 */
public record LedgerEntry(long id, long userId, LedgerKind kind, long amount, long balanceAfter,
                          Long paymentId, String idempotencyKey) {

    public LedgerEntry {
        if (amount <= 0) {
            throw new IllegalArgumentException("ledger amounts are positive");
        }
        if ((kind == LedgerKind.CHARGE) != (paymentId == null)) {
            throw new IllegalArgumentException("debits and refunds carry a payment id, charges do not");
        }
    }

    /** True when a request for {@code userId} and {@code amount} is a repeat of the request that wrote this row. */
    public boolean isRepeatOf(long userId, long amount) {
        return this.userId == userId && this.amount == amount;
    }
}
