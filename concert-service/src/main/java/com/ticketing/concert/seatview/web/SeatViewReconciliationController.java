package com.ticketing.concert.seatview.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.concert.seatview.SeatViewChecks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reconciliation check's view of the seat view (docs/contracts.md); never routed by the gateway. */
@RestController
class SeatViewReconciliationController {

    private final SeatViewChecks checks;

    SeatViewReconciliationController(SeatViewChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/internal/reconciliation")
    ApiResponse<SeatViewChecks.Report> check() {
        return ApiResponse.of(checks.check());
    }
}
