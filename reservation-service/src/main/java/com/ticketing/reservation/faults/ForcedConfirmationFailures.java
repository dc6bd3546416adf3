package com.ticketing.reservation.faults;

import com.ticketing.reservation.config.ReservationProperties;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Fault injection, off by default: the seats named in {@code ticketing.reservation.fail-confirmation-for-seat-ids}
 * never have their payment confirmed, so the compensation path (the reservation cancelled,
 * {@code ReservationConfirmationFailed} with reason {@value #REASON}, payment-service refunding) can be exercised
 * end to end. Kept out of the confirmation rules, which only ask it.
 */
@Component
public class ForcedConfirmationFailures {

    /** The reason a forced failure reports. */
    public static final String REASON = "FORCED_FAILURE";

    private final Set<Long> seatIds;

    public ForcedConfirmationFailures(ReservationProperties props) {
        this.seatIds = Set.copyOf(props.failConfirmationForSeatIds());
    }

    /** Whether a payment for this seat is made to fail confirmation. */
    public boolean appliesTo(long seatId) {
        return seatIds.contains(seatId);
    }
}
