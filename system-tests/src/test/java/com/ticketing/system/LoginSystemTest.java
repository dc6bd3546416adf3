package com.ticketing.system;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.ticketing.system.Gateway.get;
import static com.ticketing.system.Gateway.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Login through the gateway: the answers a wrong guess gets, the failed-login limit, refresh and logout. */
class LoginSystemTest {

    private static String freshAccount() {
        String name = "it-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Gateway.Response r = post("/v1/api/user/accounts", "{\"username\":\"" + name + "\",\"password\":\"correct-horse-battery\"}",
                Map.of());
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return name;
    }

    @Test
    void shouldAnswerAWrongPasswordAndAnUnknownAccountTheSameWay() {
        String known = freshAccount();
        Login.FormAnswer wrongPassword = Login.submitForm(known, "not-the-password");
        Login.FormAnswer unknown = Login.submitForm("nobody-" + known, "not-the-password");

        assertThat(wrongPassword.status()).isEqualTo(302);
        assertThat(unknown.status()).isEqualTo(wrongPassword.status());
        assertThat(path(unknown.location())).isEqualTo(path(wrongPassword.location())).contains("/login?error");
        assertThat(unknown.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void shouldLimitFailedLoginsPerAccountEvenForTheRightPassword() {
        String name = freshAccount();
        for (int i = 0; i < 5; i++) {
            assertThat(Login.submitForm(name, "wrong-" + i).status()).isEqualTo(302);
        }
        Login.FormAnswer limited = Login.submitForm(name, "correct-horse-battery");
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.http().headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("LOGIN_RATE_LIMITED");

        // The same for an account that does not exist: the limit tells nothing about existence.
        String ghost = "ghost-" + name;
        for (int i = 0; i < 5; i++) {
            Login.submitForm(ghost, "wrong-" + i);
        }
        assertThat(Login.submitForm(ghost, "wrong").status()).isEqualTo(429);
    }

    @Test
    void shouldRefreshWithRotationAndRevokeTheRefreshTokenAtLogout() {
        String name = freshAccount();
        Login.Tokens first = Login.as(name, "correct-horse-battery");
        assertThat(first.refreshToken()).as("a refresh token for the public client").isNotBlank();
        assertThat(first.idToken()).isNotBlank();
        assertThat(first.expiresIn()).isBetween(60L, 900L);

        Login.Tokens second = Login.tokens(Login.refresh(first.refreshToken()));
        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(get("/v1/api/user/amount", Map.of("Authorization", "Bearer " + second.accessToken())).status())
                .isEqualTo(200);
        Gateway.Response reused = Login.refresh(first.refreshToken());
        assertThat(reused.status()).as("a rotated-out refresh token: " + reused.raw()).isEqualTo(400);

        Gateway.Response logout = Login.revoke(second.refreshToken());
        assertThat(logout.status()).as(logout.raw()).isEqualTo(200);
        Gateway.Response afterLogout = Login.refresh(second.refreshToken());
        assertThat(afterLogout.status()).as(afterLogout.raw()).isEqualTo(400);
        assertThat(afterLogout.body().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void shouldSignUpLogInAndUseTheApiAsTheNewUser() {
        String name = freshAccount();
        Login.Tokens tokens = Login.as(name, "correct-horse-battery");
        Gateway.Response balance = get("/v1/api/user/amount", Map.of("Authorization", "Bearer " + tokens.accessToken()));
        assertThat(balance.status()).as(balance.raw()).isEqualTo(200);
        assertThat(balance.data().path("userId").asLong()).isGreaterThan(1_000_000L);
        assertThat(balance.data().path("balance").asLong()).isZero();

        Gateway.Response again = post("/v1/api/user/accounts",
                "{\"username\":\"" + name.toUpperCase() + "\",\"password\":\"another-password-1\"}", Map.of());
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
    }

    private static String path(String location) {
        return location == null ? "" : location.replaceFirst("^https?://[^/]+", "");
    }
}
