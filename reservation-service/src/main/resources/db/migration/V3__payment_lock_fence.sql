-- The fence of payment locks: a payment that gave the reservation up (payment-service's unlock, or this
-- service finding the payment over) is refused any later lock. Lock and unlock both row-lock the reservation
-- first, so a lock request still on its way when the unlock arrives is decided after it and refused.
CREATE TABLE refused_payment_lock (
    payment_id     BIGINT      NOT NULL PRIMARY KEY,
    reservation_id BIGINT      NOT NULL,
    refused_at     DATETIME(6) NOT NULL
) ENGINE = InnoDB;

-- When to ask payment-service next whether the payment of a PAYING reservation is still under way
-- (NULL unless PAYING). A lock left by a payment that is over is released, and expiry applies as usual.
ALTER TABLE reservation
    ADD COLUMN payment_check_at DATETIME(6) NULL,
    ADD KEY ix_reservation_payment_check (status, payment_check_at);
UPDATE reservation SET payment_check_at = updated_at WHERE status = 'PAYING';
