package com.ticketing.queue;

import com.ticketing.common.auth.QueueReadModel;
import com.ticketing.common.testing.RedisClusterProcesses;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.AdmissionSettings;
import com.ticketing.queue.domain.Opening;
import com.ticketing.queue.domain.PaidSlotRelease;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.domain.Release;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import com.ticketing.queue.domain.persistence.QueueClock;
import com.ticketing.queue.domain.persistence.QueueStore;
import com.ticketing.queue.domain.persistence.RoomKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting rooms on a real Redis Cluster: three masters of Debian's {@code redis-server} on loopback ports. Every
 * script of a room runs against the cluster (a script whose keys span two slots fails with CROSSSLOT, so any such
 * mistake fails this test), several rooms at once, with four admitting instances; admission stays atomic per room;
 * the rooms spread over the masters; the gateway's session check (common's script) works on the cluster.
 */
class RoomsOnRedisClusterTest {

    private static final int ROOMS = 12;
    private static final int MAX_ACTIVE = 40;
    private static final AdmissionSettings SETTINGS = new AdmissionSettings(Duration.ofMinutes(1), 500, 1000,
            Duration.ofSeconds(20), Duration.ofMillis(50));

    private static RedisClusterProcesses cluster;
    private static final List<LettuceConnectionFactory> FACTORIES = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcesses.start(3, 0);
    }

    @AfterAll
    static void stopCluster() {
        FACTORIES.forEach(LettuceConnectionFactory::destroy);
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A client of the cluster, as each queue-service instance has (spring.data.redis.cluster.nodes). */
    private static StringRedisTemplate clusterTemplate() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(cluster.nodes()));
        factory.afterPropertiesSet();
        factory.start();
        FACTORIES.add(factory);
        return new StringRedisTemplate(factory);
    }

    @Test
    void shouldRunEveryRoomScriptOnTheClusterForSeveralRoomsWithFourInstancesAndNeverOverAdmit() throws Exception {
        StringRedisTemplate redis = clusterTemplate();
        QueueStore store = new QueueStore(redis, QueueClock.redisTime());
        RoomLimits limits = new RoomLimits(MAX_ACTIVE, 6_000_000, 600);
        for (long room = 1; room <= ROOMS; room++) {
            assertThat(store.createRoom(new Room(room, "Schedule " + room, RoomState.OPEN, Instant.now(), null, null,
                    limits), "{\"action\":\"CREATE\"}")).isTrue();
        }
        assertThat(store.roomIds()).containsAll(java.util.stream.LongStream.rangeClosed(1, ROOMS).boxed().toList());

        // 100 users in every room, issued from four threads; each also counts the room among the user's rooms.
        Map<Long, Map<Long, String>> tokens = new HashMap<>();
        for (long room = 1; room <= ROOMS; room++) {
            tokens.put(room, new java.util.concurrent.ConcurrentHashMap<>());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> issued = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                QueueStore instance = new QueueStore(clusterTemplate(), QueueClock.redisTime());
                issued.add(pool.submit(() -> {
                    for (long room = 1; room <= ROOMS; room++) {
                        for (long user = 1 + first; user <= 100; user += 4) {
                            instance.claimRoom(user, room, ROOMS);
                            Place place = instance.issue(room, user, UUID.randomUUID().toString()).orElseThrow();
                            tokens.get(room).put(user, place.tokenId());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : issued) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (long room = 1; room <= ROOMS; room++) {
            assertThat(store.check(room, 7, tokens.get(room).get(7L)).orElseThrow().status())
                    .isEqualTo(QueueStatus.WAITING);
        }

        // Four instances step every room at once; a sampler watches every room's admitted set.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong highest = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        StringRedisTemplate sampling = clusterTemplate();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                for (long room = 1; room <= ROOMS; room++) {
                    highest.accumulateAndGet(sampling.opsForZSet().zCard(RoomKeys.of(room).admitted()), Math::max);
                }
                samples.incrementAndGet();
            }
        });
        ExecutorService instances = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> steps = new ArrayList<>();
        long admitted = 0;
        try {
            sampler.start();
            for (int i = 0; i < 4; i++) {
                QueueStore instance = new QueueStore(clusterTemplate(), QueueClock.redisTime());
                steps.add(instances.submit(() -> {
                    start.await();
                    long n = 0;
                    for (int step = 0; step < 30; step++) {
                        for (long room = 1; room <= ROOMS; room++) {
                            AdmissionResult r = instance.admit(room, SETTINGS);
                            assertThat(r.active()).isLessThanOrEqualTo(MAX_ACTIVE);
                            n += r.admitted();
                        }
                        Thread.sleep(2);
                    }
                    return n;
                }));
            }
            start.countDown();
            for (Future<Long> f : steps) {
                admitted += f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            sampler.join(5000);
            instances.shutdownNow();
        }
        System.out.printf("cluster: %d rooms, four instances admitted %d; highest admitted in a room %d/%d over %d samples%n",
                ROOMS, admitted, highest.get(), MAX_ACTIVE, samples.get());
        assertThat(admitted).isEqualTo((long) ROOMS * MAX_ACTIVE);
        assertThat(highest.get()).isLessThanOrEqualTo(MAX_ACTIVE);
        assertThat(samples.get()).isPositive();

        // The rest of a room's life on the cluster: the gateway's session check, leave, payment, figures, pause, close.
        RedisScript<Long> sessionCheck = RedisScript.of(QueueReadModel.SESSION_CHECK_SCRIPT, Long.class);
        for (long room = 1; room <= ROOMS; room++) {
            long first = store.line(room, 1).isEmpty() ? -1 : store.line(room, 1).get(0);
            Long admittedUser = null;
            for (Map.Entry<Long, String> e : tokens.get(room).entrySet()) {
                if (store.check(room, e.getKey(), e.getValue()).orElseThrow().status() == QueueStatus.PROGRESS) {
                    admittedUser = e.getKey();
                    break;
                }
            }
            assertThat(admittedUser).as("someone admitted in room %d", room).isNotNull();
            String token = tokens.get(room).get(admittedUser);
            List<String> keys = List.of(QueueReadModel.activeKey(room, token), QueueReadModel.admittedKey(room),
                    QueueReadModel.roomKey(room));
            assertThat(redis.execute(sessionCheck, keys, admittedUser.toString(), "", "0")).isPositive();
            assertThat(redis.execute(sessionCheck, keys, "999999", "", "0")).isZero();
            assertThat(store.freePaidSlot(room, "evt-" + room, admittedUser, Instant.now(), Duration.ofHours(1)))
                    .isEqualTo(PaidSlotRelease.FREED);
            assertThat(redis.execute(sessionCheck, keys, admittedUser.toString(), "", "0")).isZero();
            assertThat(store.leave(room, first, tokens.get(room).get(first))).isEqualTo(Release.WAITING_PLACE);
            assertThat(store.figures(room)).isPresent();
            assertThat(store.changeRoom(room, Set.of(RoomState.OPEN), RoomState.PAUSED, false, "{}", List.of()))
                    .hasValueSatisfying(c -> assertThat(c.applied()).isTrue());
            assertThat(store.changeRoom(room, Set.of(RoomState.PAUSED), RoomState.CLOSED, true, "{}", List.of()))
                    .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(RoomState.CLOSED));
        }
    }

    @Test
    void shouldShuffleAPreQueueOnTheCluster() {
        StringRedisTemplate redis = clusterTemplate();
        QueueStore store = new QueueStore(redis, QueueClock.redisTime());
        long room = 101;
        store.createRoom(new Room(room, "Pre-queue", RoomState.PRE_QUEUE, Instant.now().plusSeconds(1), null, null,
                new RoomLimits(100, 6_000, 600)), "{}");
        for (long user = 1; user <= 50; user++) {
            assertThat(store.issue(room, user, UUID.randomUUID().toString()).orElseThrow().status())
                    .isEqualTo(QueueStatus.PRE_QUEUE);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Opening opening = null;
        while (opening == null && System.nanoTime() < deadline) {
            opening = store.open(room, 12345, Duration.ofMinutes(1)).orElse(null);
        }
        assertThat(opening).isNotNull();
        assertThat(opening.shuffled()).isEqualTo(50);
        assertThat(store.line(room, 100)).hasSize(50);
    }

    @Test
    void shouldSpreadRoomsOverEveryMaster() {
        Map<String, Integer> roomsPerMaster = new TreeMap<>();
        Map<Integer, String> masterOfSlot = masterOfEverySlot();
        for (long room = 1; room <= 24; room++) {
            int slot = slot(QueueReadModel.roomKey(room));
            // every key of a room is in the same slot
            for (String key : List.of(RoomKeys.of(room).waiting(), RoomKeys.of(room).tokens(),
                    QueueReadModel.activeKey(room, "any-token"), QueueReadModel.admittedKey(room))) {
                assertThat(slot(key)).as(key).isEqualTo(slot);
            }
            roomsPerMaster.merge(masterOfSlot.get(slot), 1, Integer::sum);
        }
        System.out.println("cluster: demo rooms 1..24 per master " + roomsPerMaster);
        assertThat(roomsPerMaster).hasSize(3);
        assertThat(roomsPerMaster.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(4));
    }

    /**
     * What one hot room costs its master: 20,000 status checks of one room's users from eight threads, then the
     * master's own account of the check script ({@code INFO commandstats}: microseconds per call). Printed for
     * docs/capacity.md, not asserted: it is a measurement.
     */
    @Test
    void shouldReportWhatOneHotRoomCostsOnItsMaster() throws Exception {
        StringRedisTemplate redis = clusterTemplate();
        QueueStore store = new QueueStore(redis, QueueClock.redisTime());
        long room = 202;
        store.createRoom(new Room(room, "Hot", RoomState.OPEN, Instant.now(), null, null,
                new RoomLimits(1, 1, 600)), "{}");
        int users = 2_000;
        String[] tokens = new String[users + 1];
        for (int user = 1; user <= users; user++) {
            tokens[user] = store.issue(room, user, UUID.randomUUID().toString()).orElseThrow().tokenId();
        }
        String master = masterOfEverySlot().get(slot(QueueReadModel.roomKey(room)));
        int masterPort = Integer.parseInt(master.substring(master.indexOf(':') + 1, master.indexOf('@')));
        cluster.cli(masterPort, "CONFIG", "RESETSTAT");
        int checks = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long began = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < checks; i += 8) {
                        int user = 1 + i % users;
                        store.check(room, user, tokens[user]).orElseThrow();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        String stats = cluster.cli(masterPort, "INFO", "commandstats");
        String evalsha = stats.lines().filter(l -> l.startsWith("cmdstat_evalsha")).findFirst().orElse("");
        System.out.printf("cluster: one hot room, %d checks from 8 threads in %.2f s = %.0f checks/s through one master;"
                + " master's own cost %s%n", checks, seconds, checks / seconds, evalsha.trim());
        assertThat(evalsha).contains("calls=");
    }

    private static int slot(String key) {
        return Integer.parseInt(cluster.cli(cluster.ports().get(0), "CLUSTER", "KEYSLOT", key).trim());
    }

    /** slot → master address, from CLUSTER NODES. */
    private static Map<Integer, String> masterOfEverySlot() {
        Map<Integer, String> owner = new HashMap<>();
        for (String line : cluster.cli(cluster.ports().get(0), "CLUSTER", "NODES").split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 9 || !f[2].contains("master")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                for (int s = from; s <= to; s++) {
                    owner.put(s, f[1]);
                }
            }
        }
        assertThat(owner).hasSize(16384);
        return owner;
    }
}
