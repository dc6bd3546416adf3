package com.ticketing.queue.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The opening's shuffle, the same as {@code open.lua} runs in Redis, so that an opening can be replayed from its
 * logged seed (audit): Fisher–Yates over the pre-queue in arrival order, driven by the Park–Miller "minstd"
 * generator {@code x ← x · 48271 mod (2³¹ − 1)}; each draw in {@code 1..i} rejects the generator's top partial range,
 * so it is exactly uniform.
 */
public final class PreQueueShuffle {

    public static final long MODULUS = 2_147_483_647L;
    private static final long MULTIPLIER = 48_271L;

    private PreQueueShuffle() {
    }

    /** A valid seed is in {@code 1 .. 2³¹ − 2}. */
    public static boolean isValidSeed(long seed) {
        return seed >= 1 && seed < MODULUS;
    }

    /** The line order (first = position 1) of {@code arrivalOrder} under {@code seed}. */
    public static <T> List<T> shuffle(List<T> arrivalOrder, long seed) {
        if (!isValidSeed(seed)) {
            throw new IllegalArgumentException("seed must be in 1 .. 2^31-2");
        }
        List<T> line = new ArrayList<>(arrivalOrder);
        long x = seed;
        for (int i = line.size(); i >= 2; i--) {
            long limit = (MODULUS - 1) - ((MODULUS - 1) % i);
            long j = -1;
            for (int attempt = 0; attempt < 64 && j < 0; attempt++) {
                x = x * MULTIPLIER % MODULUS;
                if (x - 1 < limit) {
                    j = (x - 1) % i + 1;
                }
            }
            if (j < 0) {
                j = (x - 1) % i + 1;
            }
            T a = line.get(i - 1);
            line.set(i - 1, line.get((int) j - 1));
            line.set((int) j - 1, a);
        }
        return line;
    }
}
