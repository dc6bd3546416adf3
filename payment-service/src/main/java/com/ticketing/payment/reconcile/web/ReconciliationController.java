package com.ticketing.payment.reconcile.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.payment.reconcile.PaymentChecks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal endpoint (docs/contracts.md): the reconciliation report; never routed by the gateway. */
@RestController
class ReconciliationController {

    private final PaymentChecks checks;

    ReconciliationController(PaymentChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/internal/reconciliation")
    ApiResponse<PaymentChecks.Report> reconciliation() {
        return ApiResponse.of(checks.check());
    }
}
