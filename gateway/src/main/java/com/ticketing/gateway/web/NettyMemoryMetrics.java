package com.ticketing.gateway.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.buffer.PooledByteBufAllocator;
import org.springframework.stereotype.Component;

/**
 * The memory Netty's pooled allocator holds for request and response bodies ({@code gateway.netty.memory.used},
 * tag {@code area}: {@code direct} or {@code heap}). Reactor Netty buffers bodies there, outside the JVM's heap and
 * its direct-buffer metrics, so this is where a body buffered whole would show.
 */
@Component
class NettyMemoryMetrics implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
        Gauge.builder("gateway.netty.memory.used", allocator, a -> a.metric().usedDirectMemory())
                .tag("area", "direct").baseUnit("bytes")
                .description("bytes held by Netty's pooled allocator").register(registry);
        Gauge.builder("gateway.netty.memory.used", allocator, a -> a.metric().usedHeapMemory())
                .tag("area", "heap").baseUnit("bytes")
                .description("bytes held by Netty's pooled allocator").register(registry);
    }
}
