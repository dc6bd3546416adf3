package com.ticketing.reservation.expiry;

import com.ticketing.common.periodic.PeriodicTask;
import com.ticketing.reservation.config.ReservationProperties;
import org.springframework.stereotype.Component;

/** Runs {@link ExpiringHolds} every {@code ticketing.reservation.expiry.interval} on its own thread. */
@Component
public class HoldSweeper extends PeriodicTask {

    private final ExpiringHolds expiringHolds;

    public HoldSweeper(ExpiringHolds expiringHolds, ReservationProperties props) {
        super("hold-sweeper", props.expiry().enabled(), props.expiry().interval());
        this.expiringHolds = expiringHolds;
    }

    @Override
    protected int runOnce() {
        return expiringHolds.expireDue();
    }
}
