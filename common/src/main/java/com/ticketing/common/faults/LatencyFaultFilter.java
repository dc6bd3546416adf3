package com.ticketing.common.faults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Holds each request covered by the {@link LatencyFault} for its delay, then lets it run as usual. */
public class LatencyFaultFilter extends OncePerRequestFilter {

    private final LatencyFault fault;

    public LatencyFaultFilter(LatencyFault fault) {
        this.fault = fault;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long delay = fault.delayFor(request.getRequestURI());
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        chain.doFilter(request, response);
    }
}
