package com.ticketing.user.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service refuses to start with: no signing key (unless the local profile lets it generate one), a key
 * it cannot read or a weak one, an access-token lifetime over 15 minutes, no issuer. The settings and keys
 * alone, without the rest of the service.
 */
class StartupChecksTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(SigningKeyConfiguration.class)
            .withPropertyValues("ticketing.auth.issuer=https://tickets.example.com");

    @Test
    void shouldRefuseToStartWithoutASigningKeyUnlessGeneratingOneIsAllowed() {
        service.run(context -> assertRefused(context, "AUTH_SIGNING_KEY", "is not set"));
        service.withPropertyValues("ticketing.auth.signing-key.generate-if-missing=true")
                .run(context -> assertThat(publishedKeys(context)).hasSize(1));
    }

    @Test
    void shouldRefuseAnAccessTokenLifetimeOverFifteenMinutes() {
        service.withPropertyValues("ticketing.auth.signing-key.generate-if-missing=true", "ticketing.auth.access-token-ttl=16m")
                .run(context -> assertRefused(context, "access-token-ttl", "at most 15 minutes"));
        service.withPropertyValues("ticketing.auth.signing-key.generate-if-missing=true", "ticketing.auth.access-token-ttl=15m")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void shouldRefuseToStartWithoutAnIssuer() {
        new ApplicationContextRunner().withUserConfiguration(SigningKeyConfiguration.class)
                .withPropertyValues("ticketing.auth.signing-key.generate-if-missing=true")
                .run(context -> assertRefused(context, "AUTH_ISSUER", "must be set"));
    }

    @Test
    void shouldRefuseAKeyItCannotReadOrOneShorterThan2048Bits() throws Exception {
        service.withPropertyValues("ticketing.auth.signing-key.private-key=not a key")
                .run(context -> assertRefused(context, "AUTH_SIGNING_KEY", "could not be read"));
        service.withPropertyValues("ticketing.auth.signing-key.private-key=" + privatePem(rsa(1024)))
                .run(context -> assertRefused(context, "AUTH_SIGNING_KEY", "at least 2048 bits"));
        service.withPropertyValues("ticketing.auth.signing-key.private-key=" + privatePem(rsa(2048)),
                        "ticketing.auth.signing-key.retired-public-keys=" + publicPem(rsa(1024)))
                .run(context -> assertRefused(context, "retired-public-keys[0]", "at least 2048 bits"));
    }

    @Test
    void shouldSignWithTheConfiguredKeyUnderItsThumbprintAndPublishTheRetiredKeysToo() throws Exception {
        KeyPair current = rsa(2048);
        KeyPair retired = rsa(2048);

        service.withPropertyValues("ticketing.auth.signing-key.private-key=" + privatePem(current).replace("\n", "\\n"),
                        "ticketing.auth.signing-key.retired-public-keys=" + publicPem(retired))
                .run(context -> {
                    SigningKeys keys = context.getBean(SigningKeys.class);
                    assertThat(keys.keyId()).isEqualTo(thumbprint(current));
                    assertThat(publishedKeys(context)).extracting(JWK::getKeyID)
                            .containsExactly(thumbprint(current), thumbprint(retired));
                    assertThat(publishedKeys(context)).noneMatch(JWK::isPrivate);
                    List<JWK> signing = keys.signingKey().get(new JWKSelector(new JWKMatcher.Builder().build()), null);
                    assertThat(signing).singleElement().satisfies(key -> {
                        assertThat(key.isPrivate()).isTrue();
                        assertThat(key.getKeyID()).isEqualTo(thumbprint(current));
                    });
                });
        service.withPropertyValues("ticketing.auth.signing-key.private-key=" + privatePem(current),
                        "ticketing.auth.signing-key.id=2026-11")
                .run(context -> assertThat(context.getBean(SigningKeys.class).keyId()).isEqualTo("2026-11"));
    }

    private static void assertRefused(AssertableApplicationContext context, String property, String reason) {
        assertThat(context).hasFailed();
        Throwable root = context.getStartupFailure();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = root; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains(property).contains(reason);
    }

    @SuppressWarnings("unchecked")
    private static List<JWK> publishedKeys(AssertableApplicationContext context) throws Exception {
        JWKSource<SecurityContext> source = context.getBean(JWKSource.class);
        return source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    }

    private static String thumbprint(KeyPair pair) throws Exception {
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String privatePem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    private static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
