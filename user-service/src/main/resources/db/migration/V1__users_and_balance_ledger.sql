-- Users and their prepaid balance (integer won). The balance is a cached total of the ledger below:
-- every change updates it and appends one ledger row in the same transaction.
CREATE TABLE users (
    user_id    BIGINT      NOT NULL PRIMARY KEY,
    balance    BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT ck_users_balance_not_negative CHECK (balance >= 0),
    CONSTRAINT ck_users_id_positive CHECK (user_id > 0)
) ENGINE = InnoDB;

-- Append-only: rows are never updated or deleted. balance = SUM(CHARGE + REFUND - DEBIT) per user.
--  * (payment_id, kind) makes a debit and a refund happen at most once per payment id;
--  * (user_id, idempotency_key) makes a charge retried with the same Idempotency-Key happen once.
-- NULLs never collide in a unique key, so charges without a key and rows without a payment id coexist.
CREATE TABLE balance_ledger (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id         BIGINT      NOT NULL,
    kind            VARCHAR(8)  NOT NULL,
    amount          BIGINT      NOT NULL,
    balance_after   BIGINT      NOT NULL,
    payment_id      BIGINT      NULL,
    idempotency_key VARCHAR(64) NULL,
    created_at      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_ledger_user FOREIGN KEY (user_id) REFERENCES users (user_id),
    CONSTRAINT ck_ledger_kind CHECK (kind IN ('CHARGE', 'DEBIT', 'REFUND')),
    CONSTRAINT ck_ledger_amount_positive CHECK (amount > 0),
    CONSTRAINT ck_ledger_payment CHECK ((kind = 'CHARGE') = (payment_id IS NULL)),
    UNIQUE KEY uk_ledger_payment (payment_id, kind),
    UNIQUE KEY uk_ledger_charge_key (user_id, idempotency_key)
) ENGINE = InnoDB;

-- Demo users 1..100,000 (the range of the original load test), balance 0. The Sequence engine
-- generates the ids inside the server: one statement, no client round trips.
INSERT INTO users (user_id, balance)
SELECT seq, 0 FROM seq_1_to_100000;
