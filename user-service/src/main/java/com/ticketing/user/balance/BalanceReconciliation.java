package com.ticketing.user.balance;

import com.ticketing.user.balance.persistence.BalanceAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * user-service's part of the reconciliation check ({@code GET /internal/reconciliation}, docs/contracts.md): its
 * own invariants, checked on one consistent snapshot, and the debits the cross-service check
 * ({@code deploy/local/reconcile-check.sh}) matches against payment-service's payments.
 */
@Service
public class BalanceReconciliation {

    /** One invariant and how many things it looked at. */
    public record Check(String name, long checked, long findings) {
    }

    /** Something that breaks an invariant: which check, about what, and what is wrong. */
    public record Finding(String check, String subject, String detail) {
    }

    /** A debit of a payment; {@code at} is when it was taken. */
    public record Debit(long paymentId, long userId, long amount, boolean refunded, Instant at) {
    }

    public record Report(String service, List<Check> checks, List<Finding> findings, List<Debit> debits) {
    }

    private final BalanceAudit audit;

    public BalanceReconciliation(BalanceAudit audit) {
        this.audit = audit;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report check() {
        List<Finding> money = audit.balancesOffTheirLedger();
        List<Finding> voids = audit.debitsOfVoidedPayments();
        List<Debit> debits = audit.debits();
        List<Finding> findings = new ArrayList<>(money);
        findings.addAll(voids);
        return new Report("user-service", List.of(
                new Check("MONEY_CONSERVED: balance = charges - debits + refunds, per user", audit.users(), money.size()),
                new Check("VOID_HELD: no debit of a voided payment id", audit.voids(), voids.size())),
                findings, debits);
    }
}
