package com.ticketing.user.balance;

/** What a ledger row records. The sign says how the row moves the balance. */
public enum LedgerKind {
    /** The user topped up their balance. */
    CHARGE(1),
    /** A payment took money from the balance. */
    DEBIT(-1),
    /** A payment's debit was given back. */
    REFUND(1);

    private final int sign;

    LedgerKind(int sign) {
        this.sign = sign;
    }

    /** The change this kind of row makes to the balance for a (positive) {@code amount}. */
    public long signed(long amount) {
        return sign * amount;
    }
}
