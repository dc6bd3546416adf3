package com.ticketing.user.balance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The domain's own guards, without Spring or a database. */
class BalanceRulesTest {

    private final BalanceLimits limits = new BalanceLimits(10_000_000, 1_000_000_000_000L);

    @Test
    void shouldBoundASingleChargeByTheMaximumCharge() {
        assertThat(limits.isChargeable(1)).isTrue();
        assertThat(limits.isChargeable(10_000_000)).isTrue();
        assertThat(limits.isChargeable(10_000_001)).isFalse();
        assertThat(limits.isChargeable(0)).isFalse();
        assertThat(limits.isChargeable(-1)).isFalse();
        assertThat(limits.isChargeable(Long.MIN_VALUE)).isFalse();
    }

    @Test
    void shouldLeaveRoomForTheChargeBelowTheMaximumBalance() {
        assertThat(limits.highestBalanceBeforeCharging(10_000_000)).isEqualTo(999_990_000_000L);
        assertThatThrownBy(() -> limits.highestBalanceBeforeCharging(10_000_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseLimitsWhereAChargeCouldExceedTheMaximumBalance() {
        assertThatThrownBy(() -> new BalanceLimits(2_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BalanceLimits(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSignDebitsNegativeAndChargesAndRefundsPositive() {
        assertThat(LedgerKind.CHARGE.signed(500)).isEqualTo(500);
        assertThat(LedgerKind.DEBIT.signed(500)).isEqualTo(-500);
        assertThat(LedgerKind.REFUND.signed(500)).isEqualTo(500);
    }

    @Test
    void shouldTreatOnlyTheSameUserAndAmountAsARepeat() {
        LedgerEntry debit = new LedgerEntry(1, 7, LedgerKind.DEBIT, 5_000, 0, 42L, null);

        assertThat(debit.isRepeatOf(7, 5_000)).isTrue();
        assertThat(debit.isRepeatOf(7, 5_001)).isFalse();
        assertThat(debit.isRepeatOf(8, 5_000)).isFalse();
    }

    @Test
    void shouldRefuseLedgerRowsThatCouldNotHaveBeenWritten() {
        assertThatThrownBy(() -> new LedgerEntry(1, 7, LedgerKind.CHARGE, 0, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(1, 7, LedgerKind.DEBIT, 100, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(1, 7, LedgerKind.CHARGE, 100, 100, 42L, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
