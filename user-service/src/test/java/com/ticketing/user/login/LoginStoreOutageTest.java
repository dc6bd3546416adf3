package com.ticketing.user.login;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis down (here: nothing listens where the service looks for it): the login flow fails closed with 503 JSON,
 * never a 500, while the API, which never touches the login session, and the keys keep answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.data.redis.port=1", "spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms"})
class LoginStoreOutageTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerTheLoginFlowWith503WhileRedisIsDown() throws Exception {
        HttpResponse<String> page = send(request("/login").GET());
        HttpResponse<String> form = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=user1&password=ticketing-demo&_csrf=x")));
        HttpResponse<String> authorize = send(request("/oauth2/authorize?response_type=code&client_id=ticketing-cli"
                + "&redirect_uri=http://127.0.0.1/callback&scope=openid&code_challenge=abc&code_challenge_method=S256")
                .header("Accept", "text/html").GET());

        for (HttpResponse<String> response : java.util.List.of(page, form, authorize)) {
            assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(503);
            assertThat(json.readTree(response.body()).path("error").path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void shouldServeTheApiAndTheKeysWithoutRedisEvenWithASessionCookie() throws Exception {
        HttpResponse<String> balance = send(request("/v1/api/user/amount")
                .header("X-User-Id", "1").header("Cookie", "SESSION=ZmFrZS1zZXNzaW9u").GET());
        HttpResponse<String> unknownPath = send(request("/v1/api/user/nothing-here")
                .header("X-User-Id", "1").header("Cookie", "SESSION=ZmFrZS1zZXNzaW9u").GET());
        HttpResponse<String> keys = send(request("/oauth2/jwks").GET());
        HttpResponse<String> discovery = send(request("/.well-known/openid-configuration").GET());

        assertThat(balance.statusCode()).as(balance.body()).isEqualTo(200);
        assertThat(balance.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(unknownPath.statusCode()).as(unknownPath.body()).isEqualTo(404);
        assertThat(json.readTree(unknownPath.body()).path("error").path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(discovery.statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
