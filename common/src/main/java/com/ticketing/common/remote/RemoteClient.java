package com.ticketing.common.remote;

import org.springframework.web.client.RestClient;

/**
 * One other service as a caller sees it: the HTTP client on its pooled connections, and the guard every call to
 * it goes through (breaker, retry of idempotent calls, the answer read as a {@link Reply}).
 *
 * @param service the breaker's name, used in messages
 */
public record RemoteClient(String service, ClientSettings settings, RestClient http, GuardedCalls calls) {
}
