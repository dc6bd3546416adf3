package com.ticketing.user.balance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of the balance: {@code balance.changes{kind}} applied changes, {@code balance.replays{kind}}
 * idempotent repeats answered from the ledger, {@code balance.rejections{reason}} refused changes (a debit of a
 * voided payment id: {@code PAYMENT_VOIDED}), {@code balance.voids{result}} payment-service's voids.
 */
@Component
public class BalanceMetrics {

    private final Map<LedgerKind, Counter> changes = new EnumMap<>(LedgerKind.class);
    private final Map<LedgerKind, Counter> replays = new EnumMap<>(LedgerKind.class);
    private final Counter insufficientBalance;
    private final Counter balanceLimit;
    private final Counter lockRetries;
    private final Counter voidedDebits;
    private final MeterRegistry meters;

    public BalanceMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (LedgerKind kind : LedgerKind.values()) {
            changes.put(kind, Counter.builder("balance.changes").tag("kind", kind.name())
                    .description("balance changes applied").register(meters));
            replays.put(kind, Counter.builder("balance.replays").tag("kind", kind.name())
                    .description("repeated requests answered with the first result").register(meters));
        }
        insufficientBalance = Counter.builder("balance.rejections").tag("reason", "INSUFFICIENT_BALANCE")
                .description("balance changes refused").register(meters);
        balanceLimit = Counter.builder("balance.rejections").tag("reason", "BALANCE_LIMIT_EXCEEDED")
                .description("balance changes refused").register(meters);
        voidedDebits = Counter.builder("balance.rejections").tag("reason", "PAYMENT_VOIDED")
                .description("balance changes refused").register(meters);
        lockRetries = Counter.builder("balance.lock_retries")
                .description("transactions retried after a deadlock or lock timeout").register(meters);
    }

    void applied(LedgerKind kind) {
        changes.get(kind).increment();
    }

    void replayed(LedgerKind kind) {
        replays.get(kind).increment();
    }

    void insufficientBalance() {
        insufficientBalance.increment();
    }

    void balanceLimitExceeded() {
        balanceLimit.increment();
    }

    void voidedDebit() {
        voidedDebits.increment();
    }

    /** {@code balance.voids{result=voided|repeated|debit_exists}}: payment-service's voids and their answers. */
    void voided(String result) {
        Counter.builder("balance.voids").tag("result", result)
                .description("voids of payment ids by payment-service").register(meters).increment();
    }

    void lockRetry() {
        lockRetries.increment();
    }
}
