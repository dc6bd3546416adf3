package com.ticketing.payment.remote;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class GuardedCallsTest {

    @Test
    void shouldKnowARequestNeverArrivedWhenTheConnectionFailed() {
        assertThat(GuardedCalls.mayHaveReachedServer(new ResourceAccessException("x", new ConnectException()))).isFalse();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", new HttpConnectTimeoutException("connect timed out")))).isFalse();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new IllegalStateException("No instances available for user-service"))).isFalse();
    }

    @Test
    void shouldAssumeARequestMayHaveArrivedWhenTheAnswerWasLost() {
        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", new HttpTimeoutException("request timed out")))).isTrue();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", new IOException("Connection reset")))).isTrue();
        assertThat(GuardedCalls.mayHaveReachedServer(new IllegalStateException("something else"))).isTrue();
    }
}
