package com.ticketing.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.ticketing.system.Gateway.auth;
import static com.ticketing.system.Gateway.get;
import static com.ticketing.system.Gateway.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped: the token routes answer 503 JSON, the protected routes fail closed (503, never a pass),
 * routes that don't need Redis keep working, nothing answers 500; and everything recovers without restarts.
 */
class RedisOutageSystemTest {

    @Test
    void shouldFailClosedWithoutRedisAndRecoverWithoutRestarts() {
        long userId = Gateway.randomUser();
        Gateway.Session token = Gateway.admitted(userId);

        Stack.stop("redis");
        try {
            Gateway.Response issue = post("/v1/api/queue/token", Gateway.roomBody(token.roomId()), Gateway.bearer(token));
            assertThat(issue.status()).as(issue.raw()).isEqualTo(503);
            assertThat(issue.errorCode()).isNotBlank();
            Gateway.Response check = post("/v1/api/queue/token/check", null, auth(token));
            assertThat(check.status()).as(check.raw()).isEqualTo(503);
            Gateway.Response schedule = get("/v1/api/concerts/schedule", auth(token));
            assertThat(schedule.status()).as("protected routes fail closed: " + schedule.raw()).isEqualTo(503);
            assertThat(schedule.http().headers().firstValue("Retry-After")).isPresent();
            Gateway.Response reserve = post("/v1/api/concerts/reserve", "{\"scheduleId\":1,\"seatId\":1}", auth(token));
            assertThat(reserve.status()).as(reserve.raw()).isEqualTo(503);
            Gateway.Response balance = get("/v1/api/user/amount", Gateway.bearer(token));
            assertThat(balance.status()).as("user routes do not need Redis").isEqualTo(200);
        } finally {
            Stack.start("redis");
        }
        Gateway.await("token issue works again", Duration.ofSeconds(30),
                () -> post("/v1/api/queue/token", Gateway.roomBody(token.roomId()), Gateway.bearer(token)).status() == 200);
        Gateway.Session fresh = Gateway.admitted(userId);
        assertThat(get("/v1/api/concerts/schedule", auth(fresh)).status()).isEqualTo(200);
    }
}
