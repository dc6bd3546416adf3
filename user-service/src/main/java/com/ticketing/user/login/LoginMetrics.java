package com.ticketing.user.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code auth.logins{outcome=succeeded|failed|rate_limited|unavailable}}: form logins by how they ended. */
@Component
class LoginMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter rateLimited;
    private final Counter unavailable;

    LoginMetrics(MeterRegistry meters) {
        succeeded = counter(meters, "succeeded");
        failed = counter(meters, "failed");
        rateLimited = counter(meters, "rate_limited");
        unavailable = counter(meters, "unavailable");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("auth.logins").tag("outcome", outcome).description("form logins by outcome").register(meters);
    }

    void succeeded() {
        succeeded.increment();
    }

    void failed() {
        failed.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void unavailable() {
        unavailable.increment();
    }
}
