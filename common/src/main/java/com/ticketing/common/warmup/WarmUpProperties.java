package com.ticketing.common.warmup;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ticketing.warm-up.*}: the requests a process sends to itself before it reports ready ({@link WarmUp}).
 *
 * @param enabled     false skips the requests (module tests); the process still reports ready and goes UP in Eureka
 * @param rounds      how many times the whole list is sent, at most
 * @param duration    the warm-up's time bound: it ends after this even if rounds are left
 * @param concurrency requests in flight at once
 * @param requests    what a round sends: requests that read, or that are refused before they change anything
 */
@ConfigurationProperties("ticketing.warm-up")
public record WarmUpProperties(boolean enabled, int rounds, Duration duration, int concurrency,
                               List<Request> requests) {

    public WarmUpProperties {
        rounds = rounds > 0 ? rounds : 400;
        duration = duration != null && !duration.isNegative() ? duration : Duration.ofSeconds(20);
        concurrency = concurrency > 0 ? concurrency : 2;
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /**
     * One request of a round.
     *
     * @param method  GET by default
     * @param path    path and query on this process's own port
     * @param headers e.g. the identity headers the gateway would set
     * @param body    a JSON body, or none
     */
    public record Request(String method, String path, Map<String, String> headers, String body) {

        public Request {
            method = method == null || method.isBlank() ? "GET" : method;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
