package com.ticketing.reservation.hold;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.reservation.ReservationErrors;
import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.persistence.ReservationStore;
import org.springframework.stereotype.Service;

/** One of a user's reservations. Only the owner sees a reservation; to anybody else it does not exist. */
@Service
public class LookingUpReservation {

    private final ReservationStore store;

    public LookingUpReservation(ReservationStore store) {
        this.store = store;
    }

    public Reservation ofUser(long userId, long reservationId) {
        return store.find(reservationId)
                .filter(r -> r.isOwnedBy(userId))
                .orElseThrow(() -> Refusal.notFound(ReservationErrors.RESERVATION_NOT_FOUND, "no such reservation"));
    }
}
