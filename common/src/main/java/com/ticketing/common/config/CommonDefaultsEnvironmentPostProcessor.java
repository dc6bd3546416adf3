package com.ticketing.common.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Adds the suite's shared defaults ({@code ticketing-defaults.yml}, and {@code ticketing-defaults-local.yml}
 * under the {@code local} profile) as the lowest-precedence property sources, so every service gets them
 * and any service's own configuration or environment variable still wins.
 */
public class CommonDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "ticketing-defaults.yml";
    static final String LOCAL_DEFAULTS = "ticketing-defaults-local.yml";

    private final YamlPropertySourceLoader loader = new YamlPropertySourceLoader();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addLast(environment, DEFAULTS);
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            // above the general defaults, below everything the service itself configures
            List<PropertySource<?>> local = load(LOCAL_DEFAULTS);
            for (PropertySource<?> source : local) {
                environment.getPropertySources().addBefore(DEFAULTS + "[0]", source);
            }
        }
    }

    private void addLast(ConfigurableEnvironment environment, String name) {
        List<PropertySource<?>> sources = load(name);
        for (int i = 0; i < sources.size(); i++) {
            PropertySource<?> s = sources.get(i);
            environment.getPropertySources().addLast(renamed(name + "[" + i + "]", s));
        }
    }

    private List<PropertySource<?>> load(String name) {
        ClassPathResource resource = new ClassPathResource(name);
        if (!resource.exists()) {
            return List.of();
        }
        try {
            return loader.load(name, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        // after ConfigData processing, so the active profiles are known
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The same properties under a name of ours; enumerable, so map-valued settings bind too. */
    @SuppressWarnings("unchecked")
    private static PropertySource<?> renamed(String name, PropertySource<?> source) {
        return new OriginTrackedMapPropertySource(name, (Map<String, Object>) source.getSource(), true);
    }
}
