package com.ticketing.user.account;

import com.ticketing.user.PlainHttpLogin;
import com.ticketing.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/api/user/accounts: the account, its balance, and every way a sign-up is refused. */
class SignUpTest extends UserServiceIntegrationTest {

    private static final String PASSWORD = "sign-up-test-password";

    @Test
    void shouldCreateTheAccountWithItsZeroBalanceAndLetItLogIn() {
        String username = uniqueName();

        HttpResponse<String> created = signUpResponse(body(username.toUpperCase(), PASSWORD));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode data = JSON.readTree(created.body()).path("data");
        long userId = data.path("userId").asLong();
        assertThat(userId).isGreaterThanOrEqualTo(1_000_001L);
        assertThat(data.path("username").asString()).isEqualTo(username);
        Map<String, Object> account = jdbc.queryForMap("SELECT username, password_hash, roles FROM accounts WHERE user_id = ?", userId);
        assertThat(account).containsEntry("username", username).containsEntry("roles", "USER");
        assertThat((String) account.get("password_hash")).startsWith("{bcrypt}$2a$10$").doesNotContain(PASSWORD);
        assertThat(jdbc.queryForObject("SELECT balance FROM users WHERE user_id = ?", Long.class, userId)).isZero();

        PlainHttpLogin.Tokens tokens = browser().logIn(username.toUpperCase(), PASSWORD);
        assertThat(NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build().decode(tokens.accessToken()).getSubject())
                .isEqualTo(Long.toString(userId));
    }

    @Test
    void shouldCreateAnAccountForAnEmailAddressInLowerCase() {
        String email = "Jane." + uniqueName() + "@SignUp.Test";

        HttpResponse<String> created = signUpResponse(body(email, PASSWORD));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("data").path("username").asString()).isEqualTo(email.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-leading-dash", "has space", "semi;colon", "a@b", "two@@signup.test",
            "dots..twice@signup.test", "t-thirty-three-characters-long-xx", "ünicode"})
    void shouldRefuseAnInvalidUsernameAndCreateNothing(String username) {
        assertRefused(signUpResponse(body(username, PASSWORD)), username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "exactly-9", "USERNAME-AS-PASSWORD"})
    void shouldRefuseAnUnacceptablePasswordAndCreateNothing(String password) {
        String username = uniqueName();
        String actual = password.equals("USERNAME-AS-PASSWORD") ? username.toUpperCase() : password;

        assertRefused(signUpResponse(body(username, actual)), username);
    }

    @Test
    void shouldRefuseAPasswordLongerThanBcryptReads() {
        String username = uniqueName();

        assertRefused(signUpResponse(body(username, "p".repeat(73))), username);
        assertRefused(signUpResponse(body(username, "p".repeat(129))), username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{}", "{\"username\": \"t-no-password\"}", "{\"password\": \"no-username-here\"}",
            "{\"username\": null, \"password\": \"sign-up-test-password\"}"})
    void shouldRefuseAMalformedBody(String json) {
        HttpResponse<String> refused = signUpResponse(json);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asString()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
    }

    @Test
    void shouldAnswerConflictForATakenUsernameInAnyCase() {
        String username = uniqueName();
        signUp(username, PASSWORD);

        HttpResponse<String> again = signUpResponse(body(username.toUpperCase(), "another-password"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("error").path("code").asString()).isEqualTo("USERNAME_TAKEN");
        assertThat(accounts(username)).isEqualTo(1);
    }

    @Test
    void shouldLetExactlyOneOfConcurrentSignUpsOfOneNameWin() throws Exception {
        String username = uniqueName();
        List<Callable<HttpResponse<String>>> signUps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String password = "concurrent-password-" + i;
            String spelling = i % 2 == 0 ? username : username.toUpperCase();
            signUps.add(() -> signUpResponse(body(spelling, password)));
        }

        List<HttpResponse<String>> answers = concurrently(signUps);

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409)
                .allSatisfy(a -> assertThat(a.body()).contains("USERNAME_TAKEN"));
        assertThat(accounts(username)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users u JOIN accounts a ON a.user_id = u.user_id "
                + "WHERE a.username = ?", Long.class, username)).isEqualTo(1);
    }

    private void assertRefused(HttpResponse<String> refused, String username) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(accounts(username.toLowerCase())).isZero();
    }

    private long accounts(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM accounts WHERE username = ?", Long.class, username);
    }

    private static String body(String username, String password) {
        return JSON.writeValueAsString(Map.of("username", username, "password", password));
    }
}
