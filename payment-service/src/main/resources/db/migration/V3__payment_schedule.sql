-- The reservation's schedule (its waiting room), learnt from the lock with the price: PaymentCompleted names it so
-- that queue-service ends the payer's session in that room. NULL for payments priced before this column existed.
ALTER TABLE payment ADD COLUMN schedule_id BIGINT NULL AFTER amount;
