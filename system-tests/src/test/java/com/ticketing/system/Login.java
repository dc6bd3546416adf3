package com.ticketing.system;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs in the way every client does, over plain HTTP through the gateway: OpenID Connect authorization code with
 * PKCE (client {@code ticketing-cli}), the login form of user-service, then the token request. No browser: each
 * redirect is read, never followed blindly, and the session cookie is carried by hand.
 */
final class Login {

    static final String CLIENT_ID = "ticketing-cli";
    static final String REDIRECT_URI = "http://127.0.0.1/callback";
    static final String DEMO_PASSWORD = "ticketing-demo";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** The token endpoint's answer. */
    record Tokens(String accessToken, String refreshToken, String idToken, long expiresIn) {
    }

    /** How the login form answered: where it redirected to and its status (a 429 when rate limited). */
    record FormAnswer(int status, String location, String body, HttpResponse<String> http) {
    }

    private Login() {
    }

    /** The demo user {@code user<N>} (password {@code ticketing-demo}). */
    static Tokens demoUser(long userId) {
        return as("user" + userId, DEMO_PASSWORD);
    }

    /**
     * Logs in as a client would: a 503 (user-service's database or Redis busy for a moment: "login is unavailable for
     * a moment; retry") is retried after its {@code Retry-After}, at most 5 times; any other refusal fails at once.
     */
    static Tokens as(String username, String password) {
        Flow flow = new Flow();
        FormAnswer form = flow.submit(username, password);
        for (int retry = 0; form.status() == 503 && retry < 5; retry++) {
            long waitSeconds = form.http().headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            try {
                Thread.sleep(Math.min(5, Math.max(1, waitSeconds)) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while logging in " + username, e);
            }
            flow = new Flow();
            form = flow.submit(username, password);
        }
        if (form.status() != 302 || form.location() == null || form.location().contains("/login?error")) {
            throw new AssertionError("login of " + username + " refused: " + form.status() + " " + form.location()
                    + " " + form.body());
        }
        return flow.finish(form.location());
    }

    /** Starts a login and submits the form; the answer is the form's, for tests of refused logins. */
    static FormAnswer submitForm(String username, String password) {
        return new Flow().submit(username, password);
    }

    /** A refresh-token grant; the raw answer. */
    static Gateway.Response refresh(String refreshToken) {
        return form("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "refresh_token", refreshToken));
    }

    /** Logout for a public client: revoke the refresh token (RFC 7009). */
    static Gateway.Response revoke(String refreshToken) {
        return form("/oauth2/revoke", Map.of("token", refreshToken, "token_type_hint", "refresh_token",
                "client_id", CLIENT_ID));
    }

    static Tokens tokens(Gateway.Response r) {
        if (r.status() != 200) {
            throw new AssertionError("token endpoint answered " + r.status() + " " + r.raw());
        }
        JsonNode b = r.body();
        return new Tokens(b.path("access_token").asText(), b.path("refresh_token").asText(null),
                b.path("id_token").asText(null), b.path("expires_in").asLong());
    }

    private static Gateway.Response form(String path, Map<String, String> fields) {
        return Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.URL + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))), Map.of());
    }

    /** One login: its PKCE pair, state and cookies. */
    private static final class Flow {
        private final String verifier = random(48);
        private final String state = random(12);
        private final Map<String, String> cookies = new LinkedHashMap<>();

        FormAnswer submit(String username, String password) {
            String authorize = "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID + "&scope=openid"
                    + "&state=" + state + "&redirect_uri=" + url(REDIRECT_URI)
                    + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
            // As a browser asks: the authorization endpoint sends HTML clients to the login page, others get 401.
            HttpResponse<String> first = call(HttpRequest.newBuilder(URI.create(Gateway.URL + authorize))
                    .header("Accept", "text/html").GET());
            if (first.statusCode() != 302) {
                throw new AssertionError("authorize answered " + first.statusCode() + " " + first.body());
            }
            HttpResponse<String> page = call(HttpRequest.newBuilder(URI.create(Gateway.URL + "/login")).GET());
            Matcher csrf = CSRF.matcher(page.body());
            if (!csrf.find()) {
                throw new AssertionError("login page without a CSRF token: " + page.statusCode());
            }
            HttpResponse<String> posted = call(HttpRequest.newBuilder(URI.create(Gateway.URL + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of(
                            "username", username, "password", password, "_csrf", csrf.group(1))))));
            return new FormAnswer(posted.statusCode(), posted.headers().firstValue("Location").orElse(null),
                    posted.body(), posted);
        }

        Tokens finish(String location) {
            HttpResponse<String> authorized = call(HttpRequest.newBuilder(URI.create(onGateway(location))).GET());
            String callback = authorized.headers().firstValue("Location").orElse("");
            if (!callback.startsWith(REDIRECT_URI) || !callback.contains("state=" + state)) {
                throw new AssertionError("no authorization code: " + authorized.statusCode() + " " + callback);
            }
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
            if (!code.find()) {
                throw new AssertionError("no code in " + callback);
            }
            return tokens(form("/oauth2/token", Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID,
                    "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                    "redirect_uri", REDIRECT_URI, "code_verifier", verifier)));
        }

        private HttpResponse<String> call(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (String set : r.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                    }
                }
                return r;
            } catch (IOException e) {
                throw new IllegalStateException("login request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A redirect user-service built for the public address, taken back to the gateway these tests talk to. */
    private static String onGateway(String location) {
        URI uri = URI.create(location);
        if (!uri.isAbsolute()) {
            return Gateway.URL + location;
        }
        return Gateway.URL + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> url(e.getKey()) + "=" + url(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
