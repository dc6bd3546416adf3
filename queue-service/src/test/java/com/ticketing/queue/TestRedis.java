package com.ticketing.queue;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.List;

final class TestRedis {

    private TestRedis() {
    }

    static List<String> keys(StringRedisTemplate redis, String pattern) {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }

    static void deleteQueueKeys(StringRedisTemplate redis) {
        List<String> keys = keys(redis, "queue:*");
        for (int i = 0; i < keys.size(); i += 1000) {
            redis.delete(keys.subList(i, Math.min(keys.size(), i + 1000)));
        }
    }
}
