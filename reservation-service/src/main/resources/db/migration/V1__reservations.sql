-- Seat holds and their lifecycle. All timestamps are UTC.
CREATE TABLE reservation (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id        BIGINT      NOT NULL,
    schedule_id    BIGINT      NOT NULL,
    seat_id        BIGINT      NOT NULL,
    seat_no        INT         NOT NULL,
    price          BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    payment_id     BIGINT      NULL,
    expires_at     DATETIME(6) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    -- The seat while this reservation occupies it (HELD, PAYING, CONFIRMED); NULL once EXPIRED or CANCELLED.
    -- The UNIQUE key is what guarantees "one holder per seat" under any concurrency (NULLs never collide).
    active_seat_id BIGINT      NULL,
    CONSTRAINT uk_reservation_active_seat UNIQUE (active_seat_id),
    CONSTRAINT ck_reservation_status CHECK (status IN ('HELD', 'PAYING', 'CONFIRMED', 'EXPIRED', 'CANCELLED')),
    -- The expiry sweeper's range scan: status = 'HELD' AND expires_at <= now ORDER BY expires_at.
    KEY ix_reservation_status_expires (status, expires_at),
    -- The per-user hold count.
    KEY ix_reservation_user_status (user_id, status, expires_at)
) ENGINE = InnoDB;

-- One row per user who ever held a seat. A hold locks its user's row first (INSERT ... ON DUPLICATE KEY
-- UPDATE takes the row's exclusive lock), so the per-user hold limit is checked and applied one at a time.
CREATE TABLE hold_owner (
    user_id      BIGINT      NOT NULL PRIMARY KEY,
    last_hold_at DATETIME(6) NOT NULL
) ENGINE = InnoDB;

-- Transactional outbox and consumer ledger, copied from common/src/main/resources/db/common/OUTBOX.sql.txt.
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
