package com.ticketing.reservation.reconciliation.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.reservation.reconciliation.ReservationChecks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reconciliation check's view of the reservations (docs/contracts.md); never routed by the gateway. */
@RestController
class ReconciliationController {

    private final ReservationChecks checks;

    ReconciliationController(ReservationChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/internal/reconciliation")
    ApiResponse<ReservationChecks.Report> check() {
        return ApiResponse.of(checks.check());
    }
}
