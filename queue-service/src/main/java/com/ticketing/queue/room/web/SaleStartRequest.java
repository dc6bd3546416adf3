package com.ticketing.queue.room.web;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** {@code PUT /v1/api/admin/rooms/{roomId}/sale-start}. */
record SaleStartRequest(@NotNull Instant saleStartsAt) {
}
