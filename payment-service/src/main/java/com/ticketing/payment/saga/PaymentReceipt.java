package com.ticketing.payment.saga;

/**
 * The answer to a payment: {@code {"paymentId", "reservationId", "amount", "status", "balance"}}. {@code balance}
 * is the user's balance right after the debit; null when the payment was completed by the reconciler (the
 * debit's answer was lost, so the balance at that moment is not known here).
 */
public record PaymentReceipt(long paymentId, long reservationId, long amount, String status, Long balance) {
}
