package com.ticketing.user.balance.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.user.balance.BalanceReconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reconciliation check's view of the balances (docs/contracts.md); never routed by the gateway. */
@RestController
class ReconciliationController {

    private final BalanceReconciliation reconciliation;

    ReconciliationController(BalanceReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/internal/reconciliation")
    ApiResponse<BalanceReconciliation.Report> check() {
        return ApiResponse.of(reconciliation.check());
    }
}
