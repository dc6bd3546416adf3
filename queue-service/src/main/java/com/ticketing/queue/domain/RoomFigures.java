package com.ticketing.queue.domain;

import java.util.OptionalDouble;

/** A room and its figures at one moment (one Redis round trip). */
public record RoomFigures(Room room, long waiting, long preQueue, long active, long admittedLastMinute,
                          long abandonedLastMinute, OptionalDouble measuredRate) {
}
