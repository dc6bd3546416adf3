package com.ticketing.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommonDefaultsEnvironmentPostProcessorTest {

    private final CommonDefaultsEnvironmentPostProcessor processor = new CommonDefaultsEnvironmentPostProcessor();

    @Test
    void shouldBindMapValuedDefaultsSuchAsTheEurekaZoneAndMetricTags() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("app", Map.of("spring.application.name", "svc",
                "EUREKA_URL", "http://discovery:8761/eureka/")));
        processor.postProcessEnvironment(env, new SpringApplication());

        Map<String, String> zones = Binder.get(env)
                .bind("eureka.client.service-url", Bindable.mapOf(String.class, String.class)).get();
        assertThat(zones).containsEntry("defaultZone", "http://discovery:8761/eureka/");
        Map<String, String> tags = Binder.get(env)
                .bind("management.metrics.tags", Bindable.mapOf(String.class, String.class)).get();
        assertThat(tags).containsEntry("application", "svc");
    }

    @Test
    void shouldLetTheServiceOwnConfigurationWinOverTheDefaults() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("app",
                Map.of("management.endpoints.web.exposure.include", "health,gateway")));
        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,gateway");
        assertThat(env.getProperty("server.shutdown")).isEqualTo("graceful");
    }

    @Test
    void shouldRegisterTheLoopbackAddressOnlyUnderTheLocalProfile() {
        StandardEnvironment plain = new StandardEnvironment();
        // the build runs tests with spring.profiles.active=local,test as a system property
        plain.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        plain.setActiveProfiles();
        processor.postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getProperty("eureka.instance.ip-address")).isNull();

        StandardEnvironment local = new StandardEnvironment();
        local.setActiveProfiles("local");
        processor.postProcessEnvironment(local, new SpringApplication());
        assertThat(local.getProperty("eureka.instance.ip-address")).isEqualTo("127.0.0.1");
    }
}
