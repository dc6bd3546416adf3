package com.ticketing.common.warmup;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.InstanceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.context.event.EventListener;

/**
 * The instance registers in Eureka as STARTING ({@code eureka.instance.initial-status} in the shared defaults) and
 * goes UP once {@link WarmedUp}: the gateway and other services route only to UP instances, so none of their
 * requests meets a cold process. Registration and warm-up may finish in either order; UP is set after both.
 */
public class EurekaWarmUpStatus {

    private static final Logger log = LoggerFactory.getLogger(EurekaWarmUpStatus.class);

    private final ObjectProvider<ApplicationInfoManager> instance;
    private volatile boolean warm;

    /** @param instance absent when the Eureka client is off ({@code EUREKA_ENABLED=false}) */
    public EurekaWarmUpStatus(ObjectProvider<ApplicationInfoManager> instance) {
        this.instance = instance;
    }

    @EventListener
    public void on(WarmedUp event) {
        warm = true;
        up();
    }

    @EventListener
    public void on(InstanceRegisteredEvent<?> event) {
        if (warm) {
            up(); // registered after the warm-up ended: registration set the initial status again
        }
    }

    private void up() {
        instance.ifAvailable(manager -> {
            if (manager.getInfo().getStatus() != InstanceInfo.InstanceStatus.UP) {
                manager.setInstanceStatus(InstanceInfo.InstanceStatus.UP);
                log.info("Warm: {} is UP in Eureka", manager.getInfo().getInstanceId());
            }
        });
    }
}
