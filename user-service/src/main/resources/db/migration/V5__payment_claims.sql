-- The fence between a debit and payment-service's decision that it did not happen. One row per payment id
-- that user-service has decided about, written by whichever comes first:
--  * DEBITED by the debit, in the debit's own transaction (before it touches the balance);
--  * VOID by POST /internal/users/{userId}/debits/{paymentId}/void, when payment-service gave up on the debit.
-- The primary key makes the two exclusive under any timing: a debit still running when the void arrives
-- either commits first (the void then finds DEBITED and answers DEBIT_EXISTS) or waits for the void's row and
-- is refused (PAYMENT_VOIDED), applying nothing. A refused debit (balance too low) rolls its row back.
CREATE TABLE payment_claim (
    payment_id BIGINT      NOT NULL PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    outcome    VARCHAR(8)  NOT NULL,
    claimed_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT ck_payment_claim_outcome CHECK (outcome IN ('DEBITED', 'VOID'))
) ENGINE = InnoDB;

-- Debits taken before this table existed hold their claim too, so a void can never pass one of them.
INSERT INTO payment_claim (payment_id, user_id, outcome, claimed_at)
SELECT payment_id, user_id, 'DEBITED', created_at FROM balance_ledger WHERE kind = 'DEBIT';
