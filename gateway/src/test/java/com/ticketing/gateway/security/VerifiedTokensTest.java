package com.ticketing.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gateway remembers of verified access tokens: a repeat of a token that passed is answered without the full
 * check, and nothing else is: not a refused token, not past the token's expiry or the time to live, not after the
 * signing keys changed, not a token that differs by one character.
 */
class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final List<String> checked = new ArrayList<>();

    /** The full check: tokens named "bad…" are refused; the rest expire at the second their name ends with. */
    private final ReactiveJwtDecoder fullCheck = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("refused"));
        }
        long expiresIn = Long.parseLong(token.substring(token.lastIndexOf('-') + 1));
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("42")
                .issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(expiresIn)).build());
    };

    private final VerifiedTokens tokens = new VerifiedTokens(fullCheck, 100, Duration.ofSeconds(60), clock);

    @Test
    void shouldCheckARepeatedValidTokenOnlyOnce() {
        Jwt first = tokens.decode("token-a-600").block();
        Jwt again = tokens.decode("token-a-600").block();

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("token-a-600");
    }

    @Test
    void shouldCheckEveryAttemptWithARefusedToken() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(checked).hasSize(3);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void shouldNotAnswerForATokenThatDiffersInOneCharacter() {
        tokens.decode("token-a-600").block();
        tokens.decode("token-b-600").block();

        assertThat(checked).containsExactly("token-a-600", "token-b-600");
    }

    @Test
    void shouldCheckAgainOnceTheTokenExpired() {
        tokens.decode("token-a-10").block();
        clock.advance(Duration.ofSeconds(9));
        tokens.decode("token-a-10").block();
        assertThat(checked).hasSize(1);

        clock.advance(Duration.ofSeconds(1)); // the token's exp: from here on only the full check decides
        tokens.decode("token-a-10").block();
        assertThat(checked).hasSize(2);
    }

    @Test
    void shouldCheckAgainAfterTheTimeToLive() {
        tokens.decode("token-a-600").block();
        clock.advance(Duration.ofSeconds(59));
        tokens.decode("token-a-600").block();
        assertThat(checked).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        tokens.decode("token-a-600").block();
        assertThat(checked).hasSize(2);
    }

    @Test
    void shouldForgetEveryTokenWhenTheKeysChange() {
        tokens.decode("token-a-600").block();
        tokens.decode("token-b-600").block();

        tokens.forgetAll();
        tokens.decode("token-a-600").block();
        tokens.decode("token-b-600").block();

        assertThat(checked).hasSize(4);
    }

    @Test
    void shouldKeepNoMoreThanItsBound() {
        VerifiedTokens small = new VerifiedTokens(fullCheck, 10, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 100; i++) {
            small.decode("token-" + i + "-600").block();
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
