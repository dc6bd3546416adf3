package com.ticketing.user;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs a user in the way scripts do (k6, the benchmark, system tests): the OAuth 2.1 authorization-code flow with
 * PKCE over plain HTTP, no browser, as the public client {@code ticketing-cli}. One instance is one "browser": it
 * keeps the session cookie between the steps and sends every request from one client address (the
 * {@code X-Forwarded-For} the gateway would add).
 * <ol>
 *   <li>{@code GET /oauth2/authorize?...&code_challenge=...} (Accept: text/html) → 302 to {@code /login}, session cookie set;</li>
 *   <li>{@code GET /login} → the form's CSRF token ({@code <input name="_csrf" ... value="...">});</li>
 *   <li>{@code POST /login} (username, password, _csrf) → 302 back to {@code /oauth2/authorize?...&continue};</li>
 *   <li>{@code GET} that URL → 302 to the redirect URI with {@code ?code=...&state=...} (never followed);</li>
 *   <li>{@code POST /oauth2/token} (grant_type=authorization_code, code, redirect_uri, client_id, code_verifier) → tokens.</li>
 * </ol>
 */
public final class PlainHttpLogin {

    public static final String CLIENT_ID = "ticketing-cli";
    public static final String REDIRECT_URI = "http://127.0.0.1/callback";
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final String clientAddress;
    private final HttpClient http;

    /** @param base e.g. {@code http://127.0.0.1:8082}; @param clientAddress the address the login appears to come from */
    public PlainHttpLogin(String base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The access, refresh and ID token of one login, and the whole token response. */
    public record Tokens(String accessToken, String refreshToken, String idToken, JsonNode response) {

        public static Tokens of(HttpResponse<String> response) {
            assertThat(response.statusCode()).as("token response %s", response.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString(),
                    body.path("id_token").asString(), body);
        }
    }

    /** A PKCE pair: a random verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = base64Url(bytes);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, base64Url(hash));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** All five steps; fails the test if any step does not answer as it should. */
    public Tokens logIn(String username, String password) {
        Pkce pkce = Pkce.create();
        startAuthorization(pkce);
        HttpResponse<String> loggedIn = submitLogin(username, password, loginFormCsrfToken());
        assertThat(loggedIn.statusCode()).as("login of %s", username).isEqualTo(302);
        String next = location(loggedIn);
        assertThat(next).as("back to the authorization request").contains("/oauth2/authorize");
        return exchange(authorizationCode(next), pkce);
    }

    /** Step 1: asks for a code; not logged in yet, so the answer is the way to the login form. */
    public String startAuthorization(Pkce pkce) {
        HttpResponse<String> response = send(html(authorizeUri(pkce)).GET());
        assertThat(response.statusCode()).as("authorization request").isEqualTo(302);
        String login = location(response);
        assertThat(login).endsWith("/login");
        return login;
    }

    public String authorizeUri(Pkce pkce) {
        return base + "/oauth2/authorize?" + form(Map.of(
                "response_type", "code",
                "client_id", CLIENT_ID,
                "redirect_uri", REDIRECT_URI,
                "scope", "openid profile",
                "state", "s" + RANDOM.nextInt(1_000_000),
                "code_challenge", pkce.challenge(),
                "code_challenge_method", "S256"));
    }

    /** Step 2: the login form's CSRF token (the session cookie came with step 1). */
    public String loginFormCsrfToken() {
        HttpResponse<String> page = send(request("/login").GET());
        assertThat(page.statusCode()).as("login page").isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
        return csrf.group(1);
    }

    /** Step 3: the form post. 302 to the saved authorization request on success, to /login?error on failure. */
    public HttpResponse<String> submitLogin(String username, String password, String csrfToken) {
        return send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username, "password", password, "_csrf", csrfToken)))));
    }

    /** Step 4: back at the authorization endpoint, now logged in: the code, from the redirect's Location. */
    public String authorizationCode(String authorizeUrl) {
        HttpResponse<String> response = send(html(authorizeUrl).GET());
        assertThat(response.statusCode()).as("authorization response %s", response.headers().map()).isEqualTo(302);
        String redirect = location(response);
        assertThat(redirect).startsWith(REDIRECT_URI + "?");
        String code = query(redirect).get("code");
        assertThat(code).as("code in %s", redirect).isNotBlank();
        return code;
    }

    /** Step 5: the code and the PKCE verifier for the tokens. */
    public Tokens exchange(String code, Pkce pkce) {
        return Tokens.of(exchangeResponse(code, pkce.verifier()));
    }

    public HttpResponse<String> exchangeResponse(String code, String verifier) {
        return postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID, "code_verifier", verifier));
    }

    /** A refresh: public clients name themselves with client_id; the answer has a new refresh token. */
    public HttpResponse<String> refresh(String refreshToken, String clientId) {
        return postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", clientId));
    }

    /** Logout for scripts and apps: revokes the refresh token (and the access token issued with it). */
    public HttpResponse<String> revoke(String refreshToken, String clientId) {
        return postForm("/oauth2/revoke", Map.of("token", refreshToken, "token_type_hint", "refresh_token",
                "client_id", clientId));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** Any request of this browser: its cookies, its address. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header(FORWARDED_FOR, clientAddress).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String pathOrUrl) {
        return HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl));
    }

    /** A browser asks for HTML: only such requests are sent to the login form (others get 401). */
    public HttpRequest.Builder html(String pathOrUrl) {
        return request(pathOrUrl).header("Accept", "text/html");
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    public static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
