package io.lettuce.core;

/** Stands in for Lettuce's command errors (same package) without a Redis client on common's test classpath. */
public class LettuceLike extends RuntimeException {

    public LettuceLike(String message) {
        super(message);
    }
}
