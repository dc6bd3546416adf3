package com.ticketing.reservation.hold;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.reservation.ReservationErrors;
import com.ticketing.reservation.catalog.CatalogSeat;
import com.ticketing.reservation.catalog.ConcertCatalog;
import com.ticketing.reservation.config.ReservationProperties;
import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.ReservationStatus;
import com.ticketing.reservation.domain.persistence.ReservationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Holds a seat for a user: reads the seat and price from the catalog (outside any transaction), refuses a seat that
 * is occupied already by one indexed read (a loser costs no write), then in ONE
 * local transaction takes the user's hold_owner lock, checks the per-user limit, inserts the hold (the unique
 * {@code active_seat_id} decides who wins a seat) and writes {@code SeatHeld} to the outbox.
 */
@Service
public class HoldingSeat {

    private static final int ATTEMPTS_ON_DEADLOCK = 3;

    private final ConcertCatalog catalog;
    private final ReservationStore store;
    private final ReservationProperties props;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Counter held;
    private final Counter seatTaken;
    private final Counter limitReached;

    public HoldingSeat(ConcertCatalog catalog, ReservationStore store,
                       ReservationProperties props, Clock clock, PlatformTransactionManager txManager,
                       MeterRegistry meters) {
        this.catalog = catalog;
        this.store = store;
        this.props = props;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        // Each statement sees the latest commits; no gap locks beyond the unique checks.
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.held = outcome(meters, "held");
        this.seatTaken = outcome(meters, "seat_unavailable");
        this.limitReached = outcome(meters, "hold_limit_reached");
    }

    /** Returns the new hold, or the user's own live hold of that seat when they ask again. */
    public Reservation hold(long userId, long scheduleId, long seatId) {
        CatalogSeat seat = catalog.seat(scheduleId, seatId);
        if (seat.scheduleId() != scheduleId || seat.seatId() != seatId) {
            throw Refusal.notFound(ReservationErrors.SEAT_NOT_FOUND, "no such seat in this schedule");
        }
        if (!seat.bookable()) {
            throw Refusal.conflict(ReservationErrors.SCHEDULE_NOT_BOOKABLE, "this schedule is not open for booking");
        }
        // A seat someone occupies is refused by one indexed read, before any transaction: at a sale's opening most
        // requests for a seat lose, and a loser costs no write. The transaction below still decides every winner.
        Optional<Reservation> occupying = store.findOccupying(seatId);
        if (occupying.isPresent()) {
            return ownLiveHold(occupying.get(), userId, clock.instant()).orElseThrow(this::seatTaken);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> holdNow(userId, seat));
            } catch (PessimisticLockingFailureException deadlock) {
                // InnoDB picked this transaction as a deadlock victim (rare: racing unique checks); all of it
                // was rolled back, so running it again is safe.
                if (attempt == ATTEMPTS_ON_DEADLOCK) {
                    throw deadlock;
                }
            }
        }
    }

    private Reservation holdNow(long userId, CatalogSeat seat) {
        Instant now = clock.instant();
        store.lockHoldOwner(userId, now);
        if (store.countActiveHolds(userId, now) >= props.maxActiveHoldsPerUser()) {
            return ownLiveHold(userId, seat.seatId(), now).orElseThrow(() -> {
                limitReached.increment();
                return Refusal.conflict(ReservationErrors.HOLD_LIMIT_REACHED,
                        "you already hold " + props.maxActiveHoldsPerUser() + " seats");
            });
        }
        Reservation hold = Reservation.hold(userId, seat.scheduleId(), seat.seatId(), seat.seatNo(), seat.price(),
                now, props.holdDuration());
        Optional<Reservation> stored = store.insertIfSeatFree(hold);
        if (stored.isEmpty()) {
            return ownLiveHold(userId, seat.seatId(), now).orElseThrow(this::seatTaken);
        }
        held.increment();
        return stored.get();
    }

    /** Asking again for a seat one already holds answers that hold (a client retry is not a second holder). */
    private Optional<Reservation> ownLiveHold(long userId, long seatId, Instant now) {
        return store.findOccupying(seatId).flatMap(r -> ownLiveHold(r, userId, now));
    }

    private static Optional<Reservation> ownLiveHold(Reservation occupying, long userId, Instant now) {
        return Optional.of(occupying)
                .filter(r -> r.isOwnedBy(userId) && r.status() == ReservationStatus.HELD && !r.isPastExpiry(now));
    }

    private Refusal seatTaken() {
        seatTaken.increment();
        return Refusal.conflict(ErrorCodes.SEAT_UNAVAILABLE, "this seat is already taken");
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("reservation.holds").description("seat hold attempts by outcome")
                .tag("outcome", outcome).register(meters);
    }
}
