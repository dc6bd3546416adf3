package com.ticketing.reservation.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shipped application.yml configures, without any test profile on top. */
class ReservationPropertiesTest {

    @Test
    void shouldShipFiveMinuteHoldsAFourHoldLimitAndTheForcedFailureSwitchOff() throws Exception {
        ReservationProperties props = shipped();

        assertThat(props.holdDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(props.maxActiveHoldsPerUser()).isEqualTo(4);
        assertThat(props.expiry().enabled()).isTrue();
        assertThat(props.expiry().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(props.failConfirmationForSeatIds()).isEmpty();
    }

    private static ReservationProperties shipped() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        yaml.forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bind("ticketing.reservation", ReservationProperties.class).get();
    }
}
