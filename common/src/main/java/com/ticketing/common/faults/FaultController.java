package com.ticketing.common.faults;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Fault injection for the resilience system tests: makes this service slow on purpose. Only present when
 * {@code ticketing.faults.enabled=true} (the native dev stack; never in the {@code docker} profile), and under
 * {@code /internal/}, which the gateway never routes to.
 *
 * <pre>
 * PUT    /internal/faults/latency {"delayMs": 4000, "pathPrefix": "/internal/", "seconds": 60}
 * GET    /internal/faults/latency
 * DELETE /internal/faults/latency
 * </pre>
 */
@RestController
public class FaultController {

    public static final String PATH = "/internal/faults";
    static final long MAX_DELAY_MS = 30_000;
    static final long MAX_SECONDS = 600;

    private static final Logger log = LoggerFactory.getLogger(FaultController.class);

    public record LatencyRequest(Long delayMs, String pathPrefix, Long seconds) {
    }

    private final LatencyFault fault;
    private final Clock clock;

    public FaultController(LatencyFault fault, Clock clock) {
        this.fault = fault;
        this.clock = clock;
    }

    @PutMapping(PATH + "/latency")
    public ApiResponse<LatencyFault.Injection> inject(@RequestBody LatencyRequest request) {
        if (request == null || request.delayMs() == null || request.delayMs() < 1 || request.delayMs() > MAX_DELAY_MS) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "delayMs must be 1.." + MAX_DELAY_MS);
        }
        long seconds = request.seconds() == null ? 60 : request.seconds();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "seconds must be 1.." + MAX_SECONDS);
        }
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        if (!prefix.startsWith("/") || prefix.length() > 200) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "pathPrefix must be a path starting with /");
        }
        LatencyFault.Injection injection = new LatencyFault.Injection(request.delayMs(), prefix,
                clock.instant().plus(Duration.ofSeconds(seconds)));
        fault.inject(injection);
        log.warn("FAULT INJECTED: requests under {} wait {} ms until {}", prefix, injection.delayMs(), injection.until());
        return ApiResponse.of(injection);
    }

    @GetMapping(PATH + "/latency")
    public ApiResponse<Map<String, Object>> current() {
        LatencyFault.Injection injection = fault.active();
        return ApiResponse.of(injection == null ? Map.of("active", false) : Map.of("active", true, "injection", injection));
    }

    @DeleteMapping(PATH + "/latency")
    public ApiResponse<Map<String, Object>> clear() {
        LatencyFault.Injection cleared = fault.clear();
        if (cleared != null) {
            log.warn("FAULT CLEARED: requests under {} no longer wait", cleared.pathPrefix());
        }
        return ApiResponse.of(Map.of("active", false));
    }
}
