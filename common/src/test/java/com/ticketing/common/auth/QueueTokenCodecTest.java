package com.ticketing.common.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import com.ticketing.common.testing.MutableClock;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueTokenCodecTest {

    private static final String SECRET = "test-secret-test-secret-test-secret-0123";
    private static final SecretKey KEY = Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T12:00:00Z"));
    private final QueueTokenCodec codec = new QueueTokenCodec(SECRET, clock);

    @Test
    void shouldVerifyTheTokensItIssues() {
        String token = codec.issue(4242, "tok-1", 12, Duration.ofMinutes(30));

        QueueToken verified = codec.verifyHeader("Bearer " + token);

        assertThat(verified).isEqualTo(new QueueToken(4242, "tok-1", 12, clock.instant().plus(Duration.ofMinutes(30))));
        assertThat(codec.verify(token)).isEqualTo(verified);
    }

    @Test
    void shouldRefuseExpiredTokensFromTheSecondAfterExpiry() {
        String token = codec.issue(7, "tok-2", 3, Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        assertThat(codec.verify(token).userId()).as("valid up to its exp").isEqualTo(7);
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(InvalidQueueTokenException.class)
                .hasMessage("queue token has expired");
    }

    @Test
    void shouldRefuseTokensSignedWithAnotherKeyOrByAnotherIssuerOrWithoutSignature() {
        QueueTokenCodec other = new QueueTokenCodec("another-secret-another-secret-0123456789", clock);
        String wrongIssuer = Jwts.builder().issuer("someone-else").subject("7").id("x")
                .expiration(Date.from(clock.instant().plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();
        String unsigned = Jwts.builder().issuer("ticketing-queue").subject("7").id("x")
                .expiration(Date.from(clock.instant().plusSeconds(60))).compact();
        String noSubject = Jwts.builder().issuer("ticketing-queue").id("x").claim("room", 3)
                .expiration(Date.from(clock.instant().plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();
        String noRoom = Jwts.builder().issuer("ticketing-queue").subject("7").id("x")
                .expiration(Date.from(clock.instant().plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();
        String textRoom = Jwts.builder().issuer("ticketing-queue").subject("7").id("x").claim("room", "3")
                .expiration(Date.from(clock.instant().plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();
        String fractionRoom = Jwts.builder().issuer("ticketing-queue").subject("7").id("x").claim("room", 3.5)
                .expiration(Date.from(clock.instant().plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();
        String zeroRoom = Jwts.builder().issuer("ticketing-queue").subject("7").id("x").claim("room", 0)
                .expiration(Date.from(clock.instant().plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();

        for (String bad : new String[]{other.issue(7, "x", 3, Duration.ofMinutes(1)), wrongIssuer, unsigned, noSubject,
                noRoom, textRoom, fractionRoom, zeroRoom,
                "", "a.b", "a.b.c", "a.b.c.d", "x".repeat(2000)}) {
            assertThatThrownBy(() -> codec.verify(bad)).as(bad).isInstanceOf(InvalidQueueTokenException.class);
        }
    }

    @Test
    void shouldAcceptOtherHeadersButNotTokensUsedBeforeTheirTime() {
        String otherHeader = Jwts.builder().header().type("JWT").and().issuer("ticketing-queue").subject("9").id("y").claim("room", 1)
                .expiration(Date.from(clock.instant().plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();
        String notYet = Jwts.builder().issuer("ticketing-queue").subject("9").id("y").claim("room", 1).notBefore(
                Date.from(clock.instant().plusSeconds(30))).expiration(Date.from(clock.instant().plusSeconds(60)))
                .signWith(KEY, Jwts.SIG.HS256).compact();

        assertThat(codec.verify(otherHeader).userId()).isEqualTo(9);
        assertThatThrownBy(() -> codec.verify(notYet)).isInstanceOf(InvalidQueueTokenException.class);
    }
}
