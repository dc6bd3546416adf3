-- payment-service owns this schema alone.

-- One row per payment attempt. A reservation is paid at most once: active_reservation_id carries the
-- reservation id while the attempt can still take or has taken money (PENDING, DEBIT_UNKNOWN, COMPLETED,
-- REFUNDING) and is NULL once it is over without money kept (FAILED, REFUNDED), so the unique key admits
-- exactly one live attempt per reservation, also under concurrent duplicate requests.
CREATE TABLE payment (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    user_id               BIGINT       NOT NULL,
    reservation_id        BIGINT       NOT NULL,
    active_reservation_id BIGINT       NULL,
    amount                BIGINT       NULL,
    status                VARCHAR(16)  NOT NULL,
    balance_after         BIGINT       NULL,
    -- Client's Idempotency-Key, unique per user; released (NULL) when the attempt fails.
    idempotency_key       VARCHAR(64)  NULL,
    -- TRUE while reservation-service may hold a payment lock for this payment that is not released yet.
    reservation_locked    BOOLEAN      NOT NULL DEFAULT FALSE,
    failure_code          VARCHAR(64)  NULL,
    refund_reason         VARCHAR(255) NULL,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    -- When the reconciler should next look at this payment; NULL when nothing is left to do.
    reconcile_after       DATETIME(6)  NULL,
    UNIQUE KEY uk_payment_active_reservation (active_reservation_id),
    UNIQUE KEY uk_payment_idempotency_key (user_id, idempotency_key),
    KEY ix_payment_reconcile_after (reconcile_after),
    KEY ix_payment_reservation (reservation_id)
) ENGINE = InnoDB;

-- Transactional outbox and processed-event ledger (common/src/main/resources/db/common/OUTBOX.sql.txt).
CREATE TABLE outbox_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id     CHAR(36)     NOT NULL,
    topic        VARCHAR(100) NOT NULL,
    aggregate_id VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    envelope     MEDIUMTEXT   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    published_at DATETIME(6)  NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB;

CREATE TABLE outbox_relay_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO outbox_relay_lock (id) VALUES (1);

CREATE TABLE processed_event (
    consumer     VARCHAR(64) NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB;
