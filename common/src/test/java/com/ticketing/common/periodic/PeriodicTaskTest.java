package com.ticketing.common.periodic;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class PeriodicTaskTest {

    @Test
    void shouldLogAnOutageOnceWhenItStartsAndOnceWhenItEnds() {
        Logger log = mock(Logger.class);
        AtomicBoolean down = new AtomicBoolean(true);
        PeriodicTask task = failingWhile(down, "relay", Duration.ofMillis(100), log);

        for (int i = 0; i < 50; i++) {
            task.tick();
        }
        assertThat(task.failing()).isTrue();
        verify(log, times(1)).warn(anyString(), eq("relay"), eq(Duration.ofMillis(100)), anyString());
        verify(log, never()).info(anyString(), any(Object[].class));

        down.set(false);
        for (int i = 0; i < 50; i++) {
            task.tick();
        }
        assertThat(task.failing()).isFalse();
        verify(log, times(1)).warn(anyString(), eq("relay"), eq(Duration.ofMillis(100)), anyString());
        verify(log, times(1)).info(anyString(), eq("relay"), eq(50L), any(Duration.class));
    }

    @Test
    void shouldLogASecondOutageAgain() {
        Logger log = mock(Logger.class);
        AtomicBoolean down = new AtomicBoolean(true);
        PeriodicTask task = failingWhile(down, "sweeper", Duration.ofSeconds(1), log);

        task.tick();
        down.set(false);
        task.tick();
        down.set(true);
        task.tick();
        task.tick();

        verify(log, times(2)).warn(anyString(), eq("sweeper"), eq(Duration.ofSeconds(1)), anyString());
        verify(log, times(1)).info(anyString(), eq("sweeper"), eq(1L), any(Duration.class));
    }

    @Test
    void shouldRunEachTaskOnItsOwnNamedThreadAndKeepGoingAfterAFailure() throws InterruptedException {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ranAfterFailure = new CountDownLatch(1);
        PeriodicTask failingFirst = PeriodicTask.of("first", true, Duration.ofMillis(10), () -> {
            threads.add(Thread.currentThread().getName());
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
            ranAfterFailure.countDown();
        });
        CountDownLatch secondRan = new CountDownLatch(1);
        PeriodicTask second = PeriodicTask.of("second", true, Duration.ofMillis(10), () -> {
            threads.add(Thread.currentThread().getName());
            secondRan.countDown();
        });
        try {
            failingFirst.start();
            second.start();
            assertThat(ranAfterFailure.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(secondRan.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            failingFirst.stop();
            second.stop();
        }
        assertThat(threads).anyMatch(t -> t.startsWith("first-")).anyMatch(t -> t.startsWith("second-"));
        assertThat(failingFirst.isRunning()).isFalse();
    }

    @Test
    void shouldNotStartWhenDisabled() {
        PeriodicTask task = PeriodicTask.of("off", false, Duration.ofMillis(10), () -> {
        });
        task.start();
        assertThat(task.isRunning()).isFalse();
    }

    private static PeriodicTask failingWhile(AtomicBoolean down, String name, Duration every, Logger log) {
        return new PeriodicTask(name, true, every, () -> {
            if (down.get()) {
                throw new IllegalStateException("database down");
            }
            return 1;
        }, log);
    }
}
