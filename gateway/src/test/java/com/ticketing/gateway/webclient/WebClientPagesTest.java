package com.ticketing.gateway.webclient;

import com.ticketing.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser client is served by the gateway itself, with no login, and only ever runs this origin's code. */
class WebClientPagesTest extends GatewayTest {

    @Test
    void shouldSendTheSiteRootToTheWebClient() {
        client.get().uri("/").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/app/");
        client.get().uri("/app").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/app/");
    }

    @Test
    void shouldServeTheWebClientsPageWithAPolicyThatAllowsOnlyThisOriginsScripts() {
        String page = client.get().uri("/app/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", WebClientPages.CONTENT_SECURITY_POLICY)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<script type=\"module\" src=\"/app/js/main.js\"></script>")
                .doesNotContain("http://", "https://");
        assertThat(WebClientPages.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void shouldServeTheLoginCallbackAndTheScriptsWithoutALogin() {
        client.get().uri("/app/callback.html").exchange()
                .expectStatus().isOk()
                .expectHeader().exists("Content-Security-Policy");
        client.get().uri("/app/js/main.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/javascript"));
        client.get().uri("/app/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/css"));
    }

    @Test
    void shouldLeaveTheApiBehindTheLogin() {
        client.get().uri("/v1/api/user/amount").exchange()
                .expectStatus().isUnauthorized();
    }
}
