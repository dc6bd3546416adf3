package com.ticketing.queue;

import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.queue.admission.AdmittingUsers;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application context for the queue-service integration tests: real Redis (database 1, the module's
 * test database) and an embedded Kafka broker. Every test starts from an empty waiting room.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class QueueIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected QueueStore store;
    @Autowired
    protected AdmittingUsers admitting;
    @Autowired
    protected QueueTokenCodec codec;
    @Autowired
    private LettuceConnectionFactory connectionFactory;

    protected QueueHttp http;

    @BeforeEach
    void emptyWaitingRoom() {
        assertThat(connectionFactory.getDatabase()).as("tests must only touch Redis database 1").isEqualTo(1);
        TestRedis.deleteQueueKeys(redis);
        http = new QueueHttp(port);
    }
}
