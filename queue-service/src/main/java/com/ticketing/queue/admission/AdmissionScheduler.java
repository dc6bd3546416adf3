package com.ticketing.queue.admission;

import com.ticketing.common.periodic.PeriodicTask;
import com.ticketing.queue.config.QueueProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the admission step every {@code ticketing.queue.admission.interval} on its own thread
 * ({@code queue-admission}); Redis being down is logged once when it starts and once when it ends. Every instance
 * runs one; no leader election is needed because the step itself enforces the limits atomically.
 */
@Component
@ConditionalOnProperty(name = "ticketing.queue.admission.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class AdmissionScheduler extends PeriodicTask {

    AdmissionScheduler(AdmittingUsers admitting, QueueProperties properties) {
        super("queue-admission", true, properties.admission().interval(), () -> {
            admitting.admitNext();
            return 0;
        });
    }
}
