package com.ticketing.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The RSA key that signs tokens (RS256) and the public keys the JWKS publishes: the signing key's and those of
 * retired keys, so that tokens signed before a rotation keep validating until they expire. Read from
 * configuration; a missing or unusable key stops the start with a message that says what to set. Only when
 * {@code generate-if-missing} is on (the local profile) is a missing key generated, and every token dies with
 * the process then.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final int MIN_RSA_BITS = 2048;
    private static final String HOW_TO = "give a PEM-encoded PKCS#8 RSA private key of at least " + MIN_RSA_BITS
            + " bits (e.g. `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`)";

    private final RSAKey signing;
    private final List<RSAKey> published;

    private SigningKeys(RSAKey signing, List<RSAKey> retired) {
        this.signing = signing;
        List<RSAKey> all = new ArrayList<>();
        all.add(signing.toPublicJWK());
        all.addAll(retired);
        this.published = List.copyOf(all);
    }

    static SigningKeys from(AuthProperties.SigningKey config) {
        RSAKey signing;
        if (config.privateKey() == null || config.privateKey().isBlank()) {
            if (!config.generateIfMissing()) {
                throw new IllegalStateException("ticketing.auth.signing-key.private-key (AUTH_SIGNING_KEY) is not set: "
                        + HOW_TO + ". Only the local profile may generate one at start "
                        + "(ticketing.auth.signing-key.generate-if-missing=true).");
            }
            signing = generated(config.id());
            log.warn("No signing key configured: generated an RSA key (kid {}) for this process only. Every token it "
                    + "signs stops validating when the process ends; set AUTH_SIGNING_KEY to keep them.", signing.getKeyID());
        } else {
            signing = configured(config.privateKey(), config.id());
        }
        List<RSAKey> retired = new ArrayList<>();
        for (int i = 0; i < config.retiredPublicKeys().size(); i++) {
            retired.add(retiredKey(config.retiredPublicKeys().get(i), i));
        }
        return new SigningKeys(signing, retired);
    }

    /** Signs: the current key only (a JWT encoder must find exactly one key). */
    JWKSource<SecurityContext> signingKey() {
        return new ImmutableJWKSet<>(new JWKSet(signing));
    }

    /** Published at /oauth2/jwks and used to check tokens here: the public halves of the current and retired keys. */
    JWKSource<SecurityContext> verificationKeys() {
        return new ImmutableJWKSet<>(new JWKSet(new ArrayList<JWK>(published)));
    }

    String keyId() {
        return signing.getKeyID();
    }

    private static RSAKey configured(String pem, String id) {
        RSAPrivateKey privateKey;
        try {
            privateKey = RsaKeyConverters.pkcs8().convert(pemStream(pem));
        } catch (RuntimeException e) {
            throw new IllegalStateException("ticketing.auth.signing-key.private-key (AUTH_SIGNING_KEY) could not be read: "
                    + HOW_TO + " (" + e.getMessage() + ")");
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("ticketing.auth.signing-key.private-key (AUTH_SIGNING_KEY) must be a full "
                    + "RSA private key (with its CRT parameters): " + HOW_TO);
        }
        requireStrength(crt.getModulus().bitLength(), "ticketing.auth.signing-key.private-key (AUTH_SIGNING_KEY)");
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return withId(new RSAKey.Builder(publicKey).privateKey(privateKey), id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key's public key could not be derived", e);
        }
    }

    private static RSAKey generated(String id) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            return withId(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()), id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    private static RSAKey retiredKey(String pem, int index) {
        String property = "ticketing.auth.signing-key.retired-public-keys[" + index + "] (AUTH_RETIRED_PUBLIC_KEYS)";
        RSAPublicKey publicKey;
        try {
            publicKey = RsaKeyConverters.x509().convert(pemStream(pem));
        } catch (RuntimeException e) {
            throw new IllegalStateException(property + " could not be read: give a PEM public key "
                    + "(-----BEGIN PUBLIC KEY-----, e.g. `openssl pkey -pubout`) (" + e.getMessage() + ")");
        }
        requireStrength(publicKey.getModulus().bitLength(), property);
        return withId(new RSAKey.Builder(publicKey), null);
    }

    private static void requireStrength(int bits, String property) {
        if (bits < MIN_RSA_BITS) {
            throw new IllegalStateException(property + " is a " + bits + "-bit RSA key: at least " + MIN_RSA_BITS + " bits are required");
        }
    }

    private static RSAKey withId(RSAKey.Builder key, String id) {
        key.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
        try {
            return (id == null || id.isBlank() ? key.keyIDFromThumbprint() : key.keyID(id.trim())).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not compute the key's thumbprint", e);
        }
    }

    /** PEM text as configured; an environment variable may carry the line breaks as literal {@code \n}. */
    private static ByteArrayInputStream pemStream(String pem) {
        String text = pem.replace("\\n", "\n").trim();
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
