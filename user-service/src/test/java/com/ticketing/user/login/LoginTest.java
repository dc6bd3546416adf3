package com.ticketing.user.login;

import com.ticketing.user.PlainHttpLogin;
import com.ticketing.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /login: the same answer for a wrong password and an unknown account, and the failed-login limits per
 * account and per address (429 once over, with the right password too, and for nothing else). Demo accounts
 * user90001 .. user90099 are this class's own.
 */
class LoginTest extends UserServiceIntegrationTest {

    private static final String PASSWORD = "login-test-password";

    @Test
    void shouldAnswerAWrongPasswordAndAnUnknownAccountAlike() {
        String username = uniqueName();
        signUp(username, PASSWORD);
        PlainHttpLogin first = browser();
        PlainHttpLogin second = browser();

        HttpResponse<String> wrongPassword = first.submitLogin(username, "not-the-password", first.loginFormCsrfToken());
        HttpResponse<String> unknownAccount = second.submitLogin(uniqueName(), "not-the-password", second.loginFormCsrfToken());

        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(PlainHttpLogin.location(wrongPassword)).endsWith("/login?error");
        assertThat(unknownAccount.statusCode()).isEqualTo(wrongPassword.statusCode());
        assertThat(unknownAccount.body()).isEqualTo(wrongPassword.body());
        assertThat(headersBesidesDate(unknownAccount)).isEqualTo(headersBesidesDate(wrongPassword));
    }

    @Test
    void shouldSpendSimilarTimeOnAWrongPasswordAndAnUnknownAccount() {
        String username = uniqueName();
        signUp(username, PASSWORD);
        PlainHttpLogin browser = browser();
        String csrf = browser.loginFormCsrfToken();
        browser.submitLogin(uniqueName(), "warm-up-password", csrf);
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownAccount = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            wrongPassword.add(timed(() -> browser.submitLogin(username, "not-the-password", csrf)));
            unknownAccount.add(timed(() -> browser.submitLogin(uniqueName(), "not-the-password", csrf)));
        }

        // both check one bcrypt hash of cost 10 (an unknown account: Spring's dummy hash); only the median counts
        double ratio = (double) median(unknownAccount) / median(wrongPassword);
        assertThat(ratio).as("unknown %s ms vs wrong password %s ms", unknownAccount, wrongPassword).isBetween(1 / 3.0, 3.0);
    }

    @Test
    void shouldRefuseAnAccountOverItsLimitEvenWithTheRightPasswordFromAnyAddressAndNothingElse() {
        String username = uniqueName();
        signUp(username, PASSWORD);
        String other = uniqueName();
        signUp(other, PASSWORD);
        PlainHttpLogin browser = browser();
        String csrf = browser.loginFormCsrfToken();

        for (int failure = 1; failure <= 5; failure++) {
            HttpResponse<String> wrong = browser.submitLogin(username, "not-the-password", csrf);
            assertThat(PlainHttpLogin.location(wrong)).as("failure %d", failure).endsWith("/login?error");
        }
        HttpResponse<String> right = browser.submitLogin(username, PASSWORD, csrf);
        PlainHttpLogin elsewhere = browser();
        HttpResponse<String> rightFromElsewhere = elsewhere.submitLogin(username.toUpperCase(), PASSWORD, elsewhere.loginFormCsrfToken());
        HttpResponse<String> otherAccount = browser.submitLogin(other, PASSWORD, csrf);

        assertRateLimited(right);
        assertRateLimited(rightFromElsewhere);
        assertLoggedIn(otherAccount);
    }

    @Test
    void shouldRefuseAnAddressOverItsLimitForEveryAccountAndOnlyThatAddress() {
        String address = newAddress();
        PlainHttpLogin fromAddress = new PlainHttpLogin(base(), address);
        String csrf = fromAddress.loginFormCsrfToken();
        for (int failure = 0; failure < 50; failure++) {
            // 4 failures per account stay under the account limit: only the address's count trips
            HttpResponse<String> wrong = fromAddress.submitLogin("user" + (90_001 + failure / 4), "not-the-password", csrf);
            assertThat(PlainHttpLogin.location(wrong)).as("failure %d", failure + 1).endsWith("/login?error");
        }

        HttpResponse<String> rightPassword = fromAddress.submitLogin("user90050", DEMO_PASSWORD, csrf);
        HttpResponse<String> unknownAccount = fromAddress.submitLogin(uniqueName(), "not-the-password", csrf);
        PlainHttpLogin spoofedFirst = new PlainHttpLogin(base(), newAddress() + ", " + address);
        HttpResponse<String> lastEntryIsTheAddress = spoofedFirst.submitLogin("user90051", DEMO_PASSWORD, spoofedFirst.loginFormCsrfToken());
        PlainHttpLogin spoofedLast = new PlainHttpLogin(base(), address + ", " + newAddress());
        HttpResponse<String> anotherAddress = spoofedLast.submitLogin("user90052", DEMO_PASSWORD, spoofedLast.loginFormCsrfToken());

        assertRateLimited(rightPassword);
        assertRateLimited(unknownAccount);
        assertRateLimited(lastEntryIsTheAddress);
        assertLoggedIn(anotherAddress);
        assertThat(redis.getExpire("auth:login-fail:address:" + address, TimeUnit.SECONDS)).isBetween(1L, 900L);
    }

    @Test
    void shouldClearTheAccountsFailuresOnASuccessButNotTheAddresss() {
        String username = uniqueName();
        signUp(username, PASSWORD);
        String address = newAddress();
        PlainHttpLogin browser = new PlainHttpLogin(base(), address);
        String csrf = browser.loginFormCsrfToken();
        for (int failure = 0; failure < 3; failure++) {
            browser.submitLogin(username, "not-the-password", csrf);
        }
        assertThat(redis.opsForValue().get("auth:login-fail:account:" + username)).isEqualTo("3");

        assertLoggedIn(browser.submitLogin(username, PASSWORD, csrf));

        assertThat(redis.hasKey("auth:login-fail:account:" + username)).isFalse();
        assertThat(redis.opsForValue().get("auth:login-fail:address:" + address)).isEqualTo("3");
    }

    private static void assertRateLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").path("code").asString()).isEqualTo("LOGIN_RATE_LIMITED");
        assertThat(body.path("error").path("message").asString()).isNotBlank();
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
    }

    private static void assertLoggedIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(PlainHttpLogin.location(response)).doesNotContain("error");
    }

    private static Map<String, List<String>> headersBesidesDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }
}
