package com.ticketing.queue.admission;

import com.ticketing.common.periodic.PeriodicTask;
import com.ticketing.queue.config.QueueProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the admission step of every room every {@code ticketing.queue.admission.interval} on its own thread
 * ({@code queue-admission}); Redis being down is logged once when it starts and once when it ends. Every instance
 * runs one; no leader election is needed because each room's step enforces its limits atomically, and only one
 * opening of a room can happen.
 */
@Component
@ConditionalOnProperty(name = "ticketing.queue.admission.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class AdmissionScheduler extends PeriodicTask {

    AdmissionScheduler(AdmittingUsers admitting, QueueProperties properties) {
        super("queue-admission", true, properties.admission().interval(), () -> {
            admitting.admitAll();
            return 0;
        });
    }
}
