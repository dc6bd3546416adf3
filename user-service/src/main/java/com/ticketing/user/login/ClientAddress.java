package com.ticketing.user.login;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;

/**
 * The address a login attempt came from: the LAST entry of {@code X-Forwarded-For} (the gateway appends the peer
 * it saw; anything before it was written by the client), else the socket peer. Read from the request as the
 * container received it: Spring's ForwardedHeaderFilter (server.forward-headers-strategy=framework) removes the
 * header and reports the FIRST entry as the remote address, which the client controls.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Longer values are cut: an address never is, and the value becomes part of a Redis key. */
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        HttpServletRequest received = received(request);
        List<String> headers = Collections.list(received.getHeaders(FORWARDED_FOR));
        if (!headers.isEmpty()) {
            String last = headers.get(headers.size() - 1);
            String address = last.substring(last.lastIndexOf(',') + 1).trim();
            if (!address.isEmpty()) {
                return cut(address);
            }
        }
        return cut(received.getRemoteAddr());
    }

    /** The innermost request: what Tomcat received, below every filter's wrapper. */
    private static HttpServletRequest received(HttpServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        return current instanceof HttpServletRequest http ? http : request;
    }

    private static String cut(String address) {
        return address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
