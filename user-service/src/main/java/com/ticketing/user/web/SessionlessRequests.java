package com.ticketing.user.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * API requests have no session. Spring Session would load the session of any SESSION cookie a browser sends
 * along from Redis as soon as anything asks for it, and Spring MVC asks on every request (flash attributes,
 * the request-handled event). Below this filter the request reports no requested session and no current one, so
 * the API never makes a Redis call for a session (and keeps working while Redis is down); creating one is a bug.
 */
final class SessionlessRequests extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Sessionless(request), response);
    }

    /** Also on the error and async dispatches of the same request: they run the MVC machinery again. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static final class Sessionless extends HttpServletRequestWrapper {

        Sessionless(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (create) {
                throw new IllegalStateException("API requests have no session");
            }
            return null;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String getRequestedSessionId() {
            return null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }
    }
}
