package com.ticketing.common.event;

/**
 * Event type names (the envelope's {@code type}). Consumers match on these strings, never on a
 * producer's classes. Payload fields are listed with each type.
 */
public final class EventTypes {

    // reservation.events, key = reservationId

    /** reservationId, userId, scheduleId, seatId, price, expiresAt. */
    public static final String SEAT_HELD = "SeatHeld";
    /** reservationId, userId, scheduleId, seatId, paymentId. */
    public static final String RESERVATION_CONFIRMED = "ReservationConfirmed";
    /** reservationId, userId, scheduleId, seatId, paymentId, reason. */
    public static final String RESERVATION_CONFIRMATION_FAILED = "ReservationConfirmationFailed";
    /** reservationId, userId, scheduleId, seatId. */
    public static final String RESERVATION_EXPIRED = "ReservationExpired";
    /** reservationId, userId, scheduleId, seatId. */
    public static final String RESERVATION_CANCELLED = "ReservationCancelled";

    // payment.events, key = paymentId

    /** paymentId, reservationId, userId, amount. */
    public static final String PAYMENT_COMPLETED = "PaymentCompleted";
    /** paymentId, reservationId, userId, amount, reason. */
    public static final String PAYMENT_REFUNDED = "PaymentRefunded";

    // queue.room.events, key = roomId (= scheduleId)

    /** roomId, action, by (admin user id, null for the system), state, room (its settings after the change). */
    public static final String WAITING_ROOM_CHANGED = "WaitingRoomChanged";
    /** roomId, shuffleSeed, shuffled, droppedIdle, openedAt: the pre-queue's order is replayable from the seed. */
    public static final String PRE_QUEUE_SHUFFLED = "PreQueueShuffled";

    private EventTypes() {
    }
}
