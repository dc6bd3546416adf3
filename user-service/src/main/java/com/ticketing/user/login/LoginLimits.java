package com.ticketing.user.login;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many failed logins a window allows ({@code ticketing.auth.login-limits.*}): per account (the submitted
 * username) and per client address. Once over, every login of that account or from that address is refused
 * (429) until the window that started with the first failure ends.
 *
 * @param accountFailures failures per account and window ({@code LOGIN_LIMIT_ACCOUNT_FAILURES}, 5)
 * @param addressFailures failures per address and window ({@code LOGIN_LIMIT_ADDRESS_FAILURES}, 50)
 * @param window          the window ({@code LOGIN_LIMIT_WINDOW}, 15m)
 */
@ConfigurationProperties(prefix = "ticketing.auth.login-limits")
record LoginLimits(@DefaultValue("5") int accountFailures, @DefaultValue("50") int addressFailures,
                   @DefaultValue("15m") Duration window) {

    LoginLimits {
        if (accountFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("ticketing.auth.login-limits: failures per account and per address must be at least 1");
        }
        if (window.toMillis() < 1000) {
            throw new IllegalArgumentException("ticketing.auth.login-limits.window must be at least 1s");
        }
    }
}
