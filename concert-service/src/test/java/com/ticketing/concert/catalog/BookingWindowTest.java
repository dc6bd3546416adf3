package com.ticketing.concert.catalog;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingWindowTest {

    private final Instant opens = Instant.parse("2030-01-01T00:00:00Z");
    private final Instant closes = Instant.parse("2030-02-01T00:00:00Z");
    private final BookingWindow window = new BookingWindow(opens, closes);

    @Test
    void shouldBeOpenFromItsOpeningUntilJustBeforeItsClosing() {
        assertThat(window.isOpenAt(opens.minusNanos(1000))).isFalse();
        assertThat(window.isOpenAt(opens)).isTrue();
        assertThat(window.isOpenAt(closes.minusNanos(1000))).isTrue();
        assertThat(window.isOpenAt(closes)).isFalse();
    }

    @Test
    void shouldRefuseAWindowThatClosesBeforeItOpens() {
        assertThatThrownBy(() -> new BookingWindow(closes, opens)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingWindow(opens, opens)).isInstanceOf(IllegalArgumentException.class);
    }
}
