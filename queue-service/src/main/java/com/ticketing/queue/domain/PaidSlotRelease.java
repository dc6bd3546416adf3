package com.ticketing.queue.domain;

/** What a PaymentCompleted event did to the payer's active slot. */
public enum PaidSlotRelease {
    /** The slot the user held when paying was freed. */
    FREED,
    /** The user held no slot admitted before the payment (already ended, or a newer admission). */
    NO_SLOT_FROM_BEFORE_THE_PAYMENT,
    /** The event was processed before; nothing was done. */
    DUPLICATE
}
