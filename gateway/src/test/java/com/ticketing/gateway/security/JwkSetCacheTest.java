package com.ticketing.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The key set's change listeners (the verified-token cache forgets everything on them) run on a change only. */
class JwkSetCacheTest {

    @Test
    void shouldTellListenersWhenTheKeySetChangesAndOnlyThen() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
        AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
        WebClient client = WebClient.builder()
                .exchangeFunction(request -> Mono.just(ClientResponse.create(HttpStatus.OK)
                        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                        .body(published.get().toString()).build()))
                .build();
        JwkSetCache keys = new JwkSetCache(client, "http://keys.test/jwks", Duration.ofSeconds(2), Duration.ZERO);
        AtomicInteger changes = new AtomicInteger();
        keys.onKeysChanged(changes::incrementAndGet);

        keys.refresh().block();
        assertThat(changes).as("the first key set").hasValue(1);
        keys.refresh().block();
        assertThat(changes).as("the same key set again").hasValue(1);

        published.set(new JWKSet(second.toPublicJWK())); // k1 withdrawn, k2 in its place
        keys.refresh().block();
        assertThat(changes).as("a rotation").hasValue(2);
    }
}
