package com.ticketing.user.balance;

/**
 * The bounds of the prepaid balance: a single charge is at most {@code maxCharge} won, and a charge may
 * not take the balance above {@code maxBalance} won (so it can never overflow). Refunds give back money
 * that was debited and are not capped, so a compensation can never fail on the limit.
 */
public record BalanceLimits(long maxCharge, long maxBalance) {

    public BalanceLimits {
        if (maxCharge <= 0 || maxBalance <= 0 || maxCharge > maxBalance) {
            throw new IllegalArgumentException("need 0 < maxCharge <= maxBalance, got " + maxCharge + ", " + maxBalance);
        }
    }

    public boolean isChargeable(long amount) {
        return amount > 0 && amount <= maxCharge;
    }

    /** Debits and refunds: positive and no larger than any balance a charge can build up. */
    public boolean isPayable(long amount) {
        return amount > 0 && amount <= maxBalance;
    }

    /** The highest balance at which a charge of {@code amount} is still allowed. */
    public long highestBalanceBeforeCharging(long amount) {
        if (!isChargeable(amount)) {
            throw new IllegalArgumentException("not a chargeable amount: " + amount);
        }
        return maxBalance - amount;
    }
}
