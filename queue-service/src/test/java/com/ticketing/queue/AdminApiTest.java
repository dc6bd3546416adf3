package com.ticketing.queue;

import com.ticketing.common.event.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operations API: admins only, checked input, atomic changes with an audit trail and an event each. */
class AdminApiTest extends QueueIntegrationTest {

    private static final String ROOMS = "/v1/api/admin/rooms";
    private static final long ADMIN = 900;

    @Autowired
    EmbeddedKafkaBroker broker;

    private QueueHttp.Reply asAdmin(String method, String path, String body) {
        return http.admin(method, path, body, ADMIN, "USER,ADMIN");
    }

    @Test
    void shouldAnswerEveryAdminRouteWith401WithoutLogin403ForAUserAnd2xxForAnAdmin() {
        CONCERT.schedule(7, "Concert seven", CLOCK.instant().plus(1, ChronoUnit.DAYS));
        String[][] routes = {
                {"POST", ROOMS, "{\"roomId\":7}"},
                {"GET", ROOMS, null},
                {"GET", ROOMS + "/7", null},
                {"PUT", ROOMS + "/7/sale-start", "{\"saleStartsAt\":\"" + CLOCK.instant().plus(2, ChronoUnit.DAYS) + "\"}"},
                {"PUT", ROOMS + "/7/limits", "{\"maxActiveUsers\":50}"},
                {"POST", ROOMS + "/7/close", null},
                {"GET", ROOMS + "/7/audit", null}};
        for (String[] r : routes) {
            QueueHttp.Reply anonymous = http.admin(r[0], r[1], r[2], 0, null);
            QueueHttp.Reply user = http.admin(r[0], r[1], r[2], 5, "USER");
            assertThat(anonymous.status()).as("%s %s anonymous", r[0], r[1]).isEqualTo(401);
            assertThat(user.status()).as("%s %s user", r[0], r[1]).isEqualTo(403);
            assertThat(user.errorCode()).isEqualTo("FORBIDDEN");
            QueueHttp.Reply admin = asAdmin(r[0], r[1], r[2]);
            assertThat(admin.status()).as("%s %s admin", r[0], r[1]).isIn(200, 201);
        }
        long roomId = openRoom(8);
        for (String action : new String[]{"pause", "resume"}) {
            assertThat(http.admin("POST", ROOMS + "/" + roomId + "/" + action, null, 5, "USER").status()).isEqualTo(403);
            assertThat(asAdmin("POST", ROOMS + "/" + roomId + "/" + action, null).status()).isEqualTo(200);
        }
        assertThat(store.audit(7)).hasSize(4).allMatch(e -> e.contains("\"by\":" + ADMIN));
    }

    @Test
    void shouldCreateARoomWithTheSchedulesDefaultsRecordWhoChangedWhatAndPublishEveryChange() {
        Instant opens = CLOCK.instant().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        CONCERT.schedule(17, "Winter Gala", opens);
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<String, String>(
                KafkaTestUtils.consumerProps(broker, "admin-api-test", true),
                new StringDeserializer(), new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.QUEUE_ROOM_EVENTS));
        KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2)); // joins the group before anything is published

        QueueHttp.Reply created = asAdmin("POST", ROOMS, "{\"roomId\":17,\"maxActiveUsers\":500}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode room = created.data();
        assertThat(room.get("name").asString()).isEqualTo("Winter Gala");
        assertThat(room.get("state").asString()).isEqualTo("PRE_QUEUE");
        assertThat(Instant.parse(room.get("saleStartsAt").asString())).isEqualTo(opens);
        assertThat(room.get("maxActiveUsers").asInt()).isEqualTo(500);
        assertThat(room.get("newUsersPerMinute").asInt()).isEqualTo(30_000);
        assertThat(room.get("sessionDurationSeconds").asInt()).isEqualTo(600);
        assertThat(room.propertyNames()).containsExactlyInAnyOrder("roomId", "name", "state", "saleStartsAt",
                "openedAt", "shuffleSeed", "maxActiveUsers", "newUsersPerMinute", "sessionDurationSeconds", "waiting",
                "preQueue", "active", "admittedLastMinute", "abandonedLastMinute", "estimatedWaitSeconds");

        assertThat(asAdmin("PUT", ROOMS + "/17/limits", "{\"newUsersPerMinute\":600,\"sessionDurationSeconds\":120}")
                .data().get("newUsersPerMinute").asInt()).isEqualTo(600);
        assertThat(asAdmin("POST", ROOMS + "/17/pause", null).errorCode()).isEqualTo("ROOM_STATE_CONFLICT");
        assertThat(asAdmin("POST", ROOMS + "/17/close", null).data().get("state").asString()).isEqualTo("CLOSED");
        assertThat(asAdmin("POST", ROOMS + "/17/resume", null).status()).isEqualTo(409);

        JsonNode audit = asAdmin("GET", ROOMS + "/17/audit", null).data();
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("CLOSE", "LIMITS", "CREATE");
        assertThat(audit.get(1).get("by").asLong()).isEqualTo(ADMIN);
        assertThat(audit.get(1).get("details").get("sessionDurationSeconds").asInt()).isEqualTo(120);
        assertThat(audit.get(0).has("at")).isTrue();

        List<String> published = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (published.size() < 3 && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2))) {
                if ("17".equals(r.key())) {
                    published.add(r.value());
                }
            }
        }
        consumer.close();
        assertThat(published).hasSize(3).allMatch(v -> v.contains("\"WaitingRoomChanged\""));
        assertThat(published.get(1)).contains("\"action\":\"LIMITS\"").contains("\"by\":" + ADMIN);
        com.ticketing.common.contracts.Contracts.assertMatches("events/WaitingRoomChanged", published.get(0));
    }

    @Test
    void shouldRefuseAMissingScheduleAnExistingRoomAndAnswer503WhenConcertServiceIsDown() {
        QueueHttp.Reply missing = asAdmin("POST", ROOMS, "{\"roomId\":70}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("SCHEDULE_NOT_FOUND");

        openRoom(71);
        QueueHttp.Reply exists = asAdmin("POST", ROOMS, "{\"roomId\":71}");
        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.errorCode()).isEqualTo("ROOM_EXISTS");

        CONCERT.down(true);
        QueueHttp.Reply down = asAdmin("POST", ROOMS, "{\"roomId\":72}");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(store.figures(72)).isEmpty();
        assertThat(asAdmin("GET", ROOMS + "/72", null).errorCode()).isEqualTo("ROOM_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "{\"roomId\":0}", "{\"roomId\":\"7\"}", "{\"roomId\":7,\"name\":\"\"}", "{\"roomId\":7,\"name\":\"  \"}",
            "{\"roomId\":7,\"maxActiveUsers\":0}", "{\"roomId\":7,\"maxActiveUsers\":1000001}",
            "{\"roomId\":7,\"newUsersPerMinute\":0}", "{\"roomId\":7,\"newUsersPerMinute\":6000001}",
            "{\"roomId\":7,\"sessionDurationSeconds\":29}", "{\"roomId\":7,\"sessionDurationSeconds\":3601}",
            "{\"roomId\":7,\"saleStartsAt\":\"tomorrow\"}", "{\"roomId\":7,\"saleStartsAt\":\"2999-01-01T00:00:00Z\"}",
            "{\"roomId\":7,\"maxActiveUsers\":1.5}", "not json"})
    void shouldRefuseBadRoomCreationsWith400AndCreateNothing(String body) {
        CONCERT.schedule(7, "Seven", CLOCK.instant().plus(1, ChronoUnit.DAYS));
        QueueHttp.Reply r = asAdmin("POST", ROOMS, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        assertThat(TestRedis.keys(redis, "queue:*")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"maxActiveUsers\":0}", "{\"newUsersPerMinute\":-1}",
            "{\"sessionDurationSeconds\":10}", "{\"maxActiveUsers\":\"5\"}", "{\"maxActiveUsers\":5,\"newUsersPerMinute\":0}"})
    void shouldRefuseBadLimitsWith400AndChangeNothing(String body) {
        long roomId = openRoom(9, 100, 600, 60);
        Map<Object, Object> before = redis.opsForHash().entries(keys(roomId).room());

        QueueHttp.Reply r = asAdmin("PUT", ROOMS + "/" + roomId + "/limits", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(redis.opsForHash().entries(keys(roomId).room())).isEqualTo(before);
        assertThat(store.audit(roomId)).hasSize(1);
    }

    @Test
    void shouldMoveTheSaleStartOfAPreQueueRoomOnlyAndListOpenRoomsForUsersSoonestFirst() {
        preQueueRoom(11, CLOCK.instant().plus(2, ChronoUnit.DAYS));
        preQueueRoom(12, CLOCK.instant().plus(1, ChronoUnit.DAYS));
        openRoom(13);
        operating.transition(ADMIN, openRoom(14), com.ticketing.queue.domain.RoomAction.CLOSE);

        assertThat(asAdmin("PUT", ROOMS + "/13/sale-start", "{\"saleStartsAt\":\"" + CLOCK.instant().plusSeconds(60) + "\"}")
                .errorCode()).isEqualTo("ROOM_STATE_CONFLICT");
        assertThat(asAdmin("PUT", ROOMS + "/11/sale-start", "{\"saleStartsAt\":\"" + CLOCK.instant().plusSeconds(60) + "\"}")
                .status()).isEqualTo(200);

        QueueHttp.Reply rooms = http.get("/v1/api/queue/rooms", 5);
        List<Long> ids = new ArrayList<>();
        rooms.data().forEach(r -> ids.add(r.get("roomId").asLong()));
        assertThat(ids).containsExactly(13L, 11L, 12L);
        assertThat(rooms.data().get(0).propertyNames()).containsExactlyInAnyOrder("roomId", "name", "state",
                "saleStartsAt", "waiting", "estimatedWaitSeconds", "waitOverOneDay");
        assertThat(http.get("/v1/api/queue/rooms/999", 5).errorCode()).isEqualTo("ROOM_NOT_FOUND");
        assertThat(http.get("/v1/api/queue/rooms/12", 5).data().get("state").asString()).isEqualTo("PRE_QUEUE");
    }
}
