package com.ticketing.concert.outage;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastKnownGoodTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LastKnownGood<Long, List<String>> seats = new LastKnownGood<>("seats", 2, meters);

    private static final Supplier<List<String>> DATABASE_DOWN = () -> {
        throw new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timed out after 1000ms"));
    };

    @Test
    void shouldServeTheLastListReadLabelledStaleWhileTheDatabaseIsDown() {
        assertThat(seats.read(1L, () -> List.of("A1", "A2"))).isEqualTo(new Served<>(List.of("A1", "A2"), false));

        Served<List<String>> during = seats.read(1L, DATABASE_DOWN);

        assertThat(during).isEqualTo(new Served<>(List.of("A1", "A2"), true));
        assertThat(meters.counter("concert.catalog.stale", "read", "seats").count()).isEqualTo(1.0);
        assertThat(seats.read(1L, () -> List.of("A1"))).isEqualTo(new Served<>(List.of("A1"), false));
    }

    @Test
    void shouldFailAKeyNeverReadBeforeTheOutage() {
        seats.read(1L, () -> List.of("A1"));

        assertThatThrownBy(() -> seats.read(2L, DATABASE_DOWN)).isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void shouldNeverHideAnAnswerThatIsNotAnOutage() {
        seats.read(1L, () -> List.of("A1"));

        assertThatThrownBy(() -> seats.read(1L, () -> {
            throw Refusal.notFound(ErrorCodes.NOT_FOUND, "gone");
        })).isInstanceOf(Refusal.class);
    }

    @Test
    void shouldRememberAtMostItsBoundOfKeys() {
        seats.read(1L, () -> List.of("A1"));
        seats.read(2L, () -> List.of("B1"));
        seats.read(3L, () -> List.of("C1"));

        assertThat(seats.read(2L, DATABASE_DOWN).stale()).isTrue();
        assertThatThrownBy(() -> seats.read(3L, DATABASE_DOWN)).isInstanceOf(CannotGetJdbcConnectionException.class);
    }
}
