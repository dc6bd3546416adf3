package com.ticketing.reservation.catalog;

import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.IntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/** concert-service down, failing or slow: reserve answers 503 JSON, never 500, and the breaker opens. */
class CatalogResilienceTest extends IntegrationTest {

    @Test
    void shouldAnswer503AndOpenTheBreakerWhenConcertServiceIsDown() throws Exception {
        CATALOG.stop();

        for (int seatNo = 1; seatNo <= 12; seatNo++) {
            MvcResult result = reserve(4001, 15, CatalogStub.seatId(15, seatNo));
            assertThat(result.getResponse().getStatus()).isEqualTo(503);
            assertThat(result.getResponse().getContentType()).startsWith("application/json");
            assertThat(errorCode(result)).isEqualTo("SERVICE_UNAVAILABLE");
        }

        assertThat(breakers.circuitBreaker(ConcertCatalog.SERVICE).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // once open, calls fail fast without touching concert-service, even after it is back
        CATALOG.reset();
        MvcResult whileOpen = reserve(4001, 15, CatalogStub.seatId(15, 20));
        assertThat(whileOpen.getResponse().getStatus()).isEqualTo(503);
        assertThat(CATALOG.hits()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isZero();
    }

    @Test
    void shouldRetryAFailedCatalogCallOnceAndThenAnswer503() throws Exception {
        CATALOG.mode(CatalogStub.Mode.FAILING);

        MvcResult result = reserve(4011, 15, CatalogStub.seatId(15, 30));

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(errorCode(result)).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(CATALOG.hits()).isEqualTo(2);
    }

    @Test
    void shouldAnswer503WhenConcertServiceIsTooSlow() throws Exception {
        CATALOG.mode(CatalogStub.Mode.SLOW);

        MvcResult result = reserve(4021, 15, CatalogStub.seatId(15, 31));

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(errorCode(result)).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isZero();
    }

    @Test
    void shouldNotCountUnknownSeatsAsConcertServiceFailures() throws Exception {
        for (int i = 1; i <= 15; i++) {
            MvcResult result = reserve(4031, 15, CatalogStub.seatId(16, i)); // seat of another schedule
            assertThat(result.getResponse().getStatus()).isEqualTo(404);
        }

        assertThat(breakers.circuitBreaker(ConcertCatalog.SERVICE).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.circuitBreaker(ConcertCatalog.SERVICE).getMetrics().getNumberOfFailedCalls()).isZero();
    }
}
