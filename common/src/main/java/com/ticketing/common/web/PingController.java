package com.ticketing.common.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest possible request a service can answer. The benchmark measures it directly and through the
 * gateway (with the same filters as the real routes) to find the ceilings the real routes are compared to. Only in
 * the {@code bench} profile (bench/run.sh), like the gateway's routes to it.
 */
@RestController
public class PingController {

    private static final ApiResponse<String> PONG = ApiResponse.of("pong");

    @GetMapping("/ping")
    public ApiResponse<String> ping() {
        return PONG;
    }
}
