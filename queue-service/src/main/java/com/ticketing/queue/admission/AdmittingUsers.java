package com.ticketing.queue.admission;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.AdmissionSettings;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The admission step over every registered room (run by every instance, {@link AdmissionScheduler}). Per room, one
 * Redis script enforces that room's {@code maxActiveUsers} and shared rate, so running it on every instance at once
 * never over-admits; a PRE_QUEUE room whose sale start has passed is opened ({@link OpeningRooms}). A failure in one
 * room does not stop the others.
 */
@Service
public class AdmittingUsers {

    private static final Logger log = LoggerFactory.getLogger(AdmittingUsers.class);

    private final QueueStore store;
    private final OpeningRooms opening;
    private final RoomMetrics metrics;
    private final AdmissionSettings settings;

    public AdmittingUsers(QueueStore store, OpeningRooms opening, RoomMetrics metrics, QueueProperties properties) {
        this.store = store;
        this.opening = opening;
        this.metrics = metrics;
        QueueProperties.Admission a = properties.admission();
        this.settings = new AdmissionSettings(properties.idleTimeout(), a.purgeBatch(), a.maxBatch(),
                a.rateSmoothing(), a.interval());
    }

    public AdmissionSettings settings() {
        return settings;
    }

    /** One step in every room; the number of users admitted. */
    public int admitAll() {
        int admitted = 0;
        RuntimeException first = null;
        for (long roomId : store.roomIds()) {
            try {
                admitted += admit(roomId).admitted();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
                log.debug("admission step of room {} failed: {}", roomId, e.toString());
            }
        }
        if (first != null) {
            throw first;
        }
        return admitted;
    }

    /** One step in one room (opening it first when due). */
    public AdmissionResult admit(long roomId) {
        return admit(roomId, settings);
    }

    /** One step in one room under explicit settings (tests). */
    public AdmissionResult admit(long roomId, AdmissionSettings settings) {
        AdmissionResult result = store.admit(roomId, settings);
        if (result.openingDue() && opening.open(roomId, settings.idleTimeout()).isPresent()) {
            metrics.record(roomId, result);
            result = store.admit(roomId, settings);
        }
        metrics.record(roomId, result);
        return result;
    }
}
