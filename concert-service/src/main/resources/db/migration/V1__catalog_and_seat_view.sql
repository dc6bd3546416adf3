-- concert-service owns the catalog (concerts, schedules, seats with their prices) and the seat-status view,
-- a projection of reservation-service's events. All times are UTC.

CREATE TABLE concert (
    id     BIGINT       NOT NULL PRIMARY KEY,
    title  VARCHAR(200) NOT NULL,
    artist VARCHAR(200) NOT NULL,
    venue  VARCHAR(200) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE concert_schedule (
    id                BIGINT      NOT NULL PRIMARY KEY,
    concert_id        BIGINT      NOT NULL,
    starts_at         DATETIME(6) NOT NULL,
    -- Seats can be held while booking_opens_at <= now < booking_closes_at (closes no later than the show starts).
    booking_opens_at  DATETIME(6) NOT NULL,
    booking_closes_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_schedule_concert FOREIGN KEY (concert_id) REFERENCES concert (id),
    CONSTRAINT ck_schedule_window CHECK (booking_opens_at < booking_closes_at AND booking_closes_at <= starts_at),
    KEY ix_schedule_window (booking_closes_at, booking_opens_at)
) ENGINE = InnoDB;

CREATE TABLE seat (
    id          BIGINT      NOT NULL PRIMARY KEY,
    schedule_id BIGINT      NOT NULL,
    seat_no     INT         NOT NULL,
    grade       VARCHAR(8)  NOT NULL,
    price       BIGINT      NOT NULL,
    CONSTRAINT fk_seat_schedule FOREIGN KEY (schedule_id) REFERENCES concert_schedule (id),
    CONSTRAINT ck_seat_price CHECK (price > 0),
    CONSTRAINT ck_seat_no CHECK (seat_no > 0),
    UNIQUE KEY uk_seat_schedule_no (schedule_id, seat_no)
) ENGINE = InnoDB;

-- The seat-status view. Per seat: the newest reservation seen for it and that reservation's stage
-- (NONE, HELD, RELEASED, SOLD); status is what the stage means for the seat. See README "Seat view rules".
CREATE TABLE seat_view (
    seat_id           BIGINT      NOT NULL PRIMARY KEY,
    schedule_id       BIGINT      NOT NULL,
    status            VARCHAR(16) NOT NULL,
    reservation_id    BIGINT      NOT NULL DEFAULT 0,
    reservation_stage VARCHAR(16) NOT NULL DEFAULT 'NONE',
    updated_at        DATETIME(6) NULL,
    CONSTRAINT fk_seat_view_seat FOREIGN KEY (seat_id) REFERENCES seat (id),
    KEY ix_seat_view_schedule_status (schedule_id, status)
) ENGINE = InnoDB;

-- Consumer idempotency ledger (common's ProcessedEvents).
CREATE TABLE processed_event (
    consumer     VARCHAR(64) NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB;
