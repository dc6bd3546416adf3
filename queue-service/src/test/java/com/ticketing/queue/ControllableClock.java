package com.ticketing.queue;

import com.ticketing.queue.domain.persistence.QueueClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The scripts' clock in the integration tests: {@link QueueIntegrationTest#CLOCK}. */
@TestConfiguration
class ControllableClock {

    @Bean
    @Primary
    QueueClock testQueueClock() {
        return QueueClock.of(QueueIntegrationTest.CLOCK);
    }
}
