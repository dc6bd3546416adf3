package com.ticketing.common.remote;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import com.ticketing.common.web.RefusalStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs the calls to one downstream service through its circuit breaker (Spring Cloud CircuitBreaker on
 * Resilience4j, instance named after the service) and, for idempotent calls, its retry with backoff; turns
 * whatever happened into a {@link Reply}.
 *
 * <p>A 4xx is a valid answer: it does not count against the breaker and is never retried. A transport failure
 * or 5xx counts and is retried. Across the attempts it remembers whether any request may have reached the
 * service: only when none did is an {@link Reply.Unavailable} "certainly not applied".
 */
public class GuardedCalls {

    private static final Logger log = LoggerFactory.getLogger(GuardedCalls.class);

    private final String service;
    private final CircuitBreaker breaker;
    private final io.github.resilience4j.circuitbreaker.CircuitBreaker state;
    private final Retry retry;
    private final JsonMapper json;

    /**
     * @param state the Resilience4j breaker behind {@code breaker} (same name), read by {@link #rejecting()}
     */
    public GuardedCalls(String service, CircuitBreaker breaker, io.github.resilience4j.circuitbreaker.CircuitBreaker state,
                        Retry retry, JsonMapper json) {
        this.service = service;
        this.breaker = breaker;
        this.state = state;
        this.retry = retry;
        this.json = json;
    }

    /**
     * Whether the breaker is open, i.e. a call now would be rejected without being sent. Lets a multi-step
     * operation refuse before its first step instead of doing and undoing work that cannot finish. Relies on
     * the breaker half-opening by itself ({@code automatic-transition-from-open-to-half-open-enabled}).
     */
    public boolean rejecting() {
        io.github.resilience4j.circuitbreaker.CircuitBreaker.State now = state.getState();
        return now == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN
                || now == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.FORCED_OPEN;
    }

    /**
     * @param idempotent whether a repeat of the request has no further effect (only then it is retried)
     * @param attempt    sends the request once and reads the answer with {@link #read}
     */
    public <T> Reply<T> call(boolean idempotent, Supplier<Reply<T>> attempt) {
        AtomicBoolean mayHaveApplied = new AtomicBoolean();
        Supplier<Reply<T>> guarded = () -> breaker.run(() -> once(attempt, mayHaveApplied), GuardedCalls::rethrow);
        Supplier<Reply<T>> withRetry = idempotent ? Retry.decorateSupplier(retry, guarded) : guarded;
        try {
            return withRetry.get();
        } catch (CallNotPermittedException e) {
            return new Reply.Unavailable<>(mayHaveApplied.get(), service + " circuit breaker is open");
        } catch (BulkheadFullException e) {
            return new Reply.Unavailable<>(mayHaveApplied.get(), "too many concurrent calls to " + service);
        } catch (RemoteCallFailed e) {
            return new Reply.Unavailable<>(mayHaveApplied.get(), e.getMessage());
        } catch (RuntimeException e) {
            // Anything else (a bug, an unreadable 2xx body) happened after the request may have been sent.
            log.warn("Call to {} failed unexpectedly: {}", service, e.toString());
            return new Reply.Unavailable<>(true, service + " call failed");
        }
    }

    private static <T> Reply<T> once(Supplier<Reply<T>> attempt, AtomicBoolean mayHaveApplied) {
        try {
            return attempt.get();
        } catch (RemoteCallFailed e) {
            if (e.mayHaveReachedServer()) {
                mayHaveApplied.set(true);
            }
            throw e;
        } catch (ResourceAccessException | IllegalStateException e) {
            boolean reached = mayHaveReachedServer(e);
            if (reached) {
                mayHaveApplied.set(true);
            }
            if (reached && timedOut(e)) {
                throw new RemoteCallTimedOut(describe(e), e);
            }
            throw new RemoteCallFailed(describe(e), reached, e);
        }
    }

    private static <T> T rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        throw new RemoteCallFailed(t.toString(), true, t);
    }

    /**
     * Reads an answer in the shared envelope: 2xx {@code {"data": ...}} as {@code type}, 4xx
     * {@code {"error": {"code", "message"}}} as a refusal of the status's kind; a 5xx throws {@link RemoteCallFailed} (the other
     * service may have done part of the work, so it is not a refusal).
     */
    public <T> Reply<T> read(ClientHttpResponse response, Class<T> type) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.is2xxSuccessful()) {
            JsonNode data = json.readTree(response.getBody()).path("data");
            if (data.isMissingNode() || data.isNull()) {
                throw new RemoteCallFailed(service + " answered " + status.value() + " without data", true, null);
            }
            return new Reply.Ok<>(json.treeToValue(data, type));
        }
        if (status.is4xxClientError()) {
            String code = "HTTP_" + status.value();
            String message = service + " refused the request";
            try {
                JsonNode error = json.readTree(response.getBody()).path("error");
                code = error.path("code").asString(code);
                message = error.path("message").asString(message);
            } catch (JacksonException | IOException ignored) {
                // keep the generic code: the status alone is the answer
            }
            return new Reply.Rejected<>(RefusalStatus.kindOf(status.value()), code, message);
        }
        throw new RemoteCallFailed(service + " answered " + status.value(), true, null);
    }

    /**
     * False only for failures that happen before a request can leave this process or reach the other one:
     * no instance to call, connection refused ({@code HttpHostConnectException} is a {@link ConnectException}),
     * connect timeout, no route, unknown host, no pooled connection free in time. Anything else (no response,
     * reset, read timeout) may have happened after the other service received the request.
     */
    static boolean mayHaveReachedServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof ConnectionRequestTimeoutException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return false;
            }
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("No instances available")) {
                return false; // load balancer found no registered instance
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return true;
    }

    /** Whether the request went out and no answer came back in time (read timeout, not connect timeout). */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException) {
                return false; // a SocketTimeoutException too, but the request never left
            }
            if (t instanceof SocketTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    public String service() {
        return service;
    }
}
