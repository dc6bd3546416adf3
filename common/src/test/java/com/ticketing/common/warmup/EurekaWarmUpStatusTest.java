package com.ticketing.common.warmup;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.EurekaInstanceConfig;
import com.netflix.appinfo.InstanceInfo;
import com.netflix.appinfo.InstanceInfo.InstanceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class EurekaWarmUpStatusTest {

    private final ApplicationInfoManager manager = new ApplicationInfoManager(mock(EurekaInstanceConfig.class),
            InstanceInfo.Builder.newBuilder().setAppName("concert-service").setInstanceId("concert-service:1")
                    .setStatus(InstanceStatus.STARTING).build());
    private final EurekaWarmUpStatus status = new EurekaWarmUpStatus(
            new StaticListableBeanFactory(java.util.Map.of("manager", manager)).getBeanProvider(ApplicationInfoManager.class));

    @Test
    void shouldStayStartingUntilWarm() {
        status.on(new InstanceRegisteredEvent<>(this, null));
        assertThat(manager.getInfo().getStatus()).isEqualTo(InstanceStatus.STARTING);

        status.on(new WarmedUp(this, 120));
        assertThat(manager.getInfo().getStatus()).isEqualTo(InstanceStatus.UP);
    }

    @Test
    void shouldGoUpAgainWhenRegisteredAfterTheWarmUp() {
        status.on(new WarmedUp(this, 120));
        manager.setInstanceStatus(InstanceStatus.STARTING); // a late registration sets the initial status again
        status.on(new InstanceRegisteredEvent<>(this, null));
        assertThat(manager.getInfo().getStatus()).isEqualTo(InstanceStatus.UP);
    }
}
