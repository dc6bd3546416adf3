package com.ticketing.concert.catalog.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.concert.catalog.CatalogSchedule;
import com.ticketing.concert.catalog.CatalogSeat;
import com.ticketing.concert.catalog.LookingUpCatalogSchedule;
import com.ticketing.concert.catalog.LookingUpCatalogSeat;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Service-to-service catalog lookups; {@code /internal/**} is never routed by the gateway. */
@RestController
@RequestMapping("/internal/schedules")
class InternalCatalogController {

    private final LookingUpCatalogSeat lookingUp;
    private final LookingUpCatalogSchedule lookingUpSchedule;

    InternalCatalogController(LookingUpCatalogSeat lookingUp, LookingUpCatalogSchedule lookingUpSchedule) {
        this.lookingUp = lookingUp;
        this.lookingUpSchedule = lookingUpSchedule;
    }

    /** For queue-service: a new waiting room's defaults (its name, its sale start). */
    @GetMapping("/{scheduleId}")
    ApiResponse<CatalogSchedule> schedule(
            @PathVariable @Positive(message = "scheduleId must be a positive number") long scheduleId) {
        return ApiResponse.of(lookingUpSchedule.lookUp(scheduleId));
    }

    @GetMapping("/{scheduleId}/seats/{seatId}")
    ApiResponse<CatalogSeat> seat(@PathVariable @Positive(message = "scheduleId must be a positive number") long scheduleId,
                                  @PathVariable @Positive(message = "seatId must be a positive number") long seatId) {
        return ApiResponse.of(lookingUp.lookUp(scheduleId, seatId));
    }
}
