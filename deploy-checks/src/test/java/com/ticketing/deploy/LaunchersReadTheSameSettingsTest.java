package com.ticketing.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native launcher (deploy/local/*.sh, profile {@code local}) and Compose (deploy/docker-compose.yml plus the
 * offline override, profile {@code docker}) hand the services settings the services actually read: a variable set
 * but read by nobody is a setting that silently does nothing (a typo, or a name a refactoring left behind), and a
 * variable read with no default that the launcher does not set stops the service at start.
 */
class LaunchersReadTheSameSettingsTest {

    private static final Path COMPOSE = Rendered.REPO.resolve("deploy/docker-compose.yml");
    private static final Path OFFLINE = Rendered.REPO.resolve("deploy/compose/offline.yml");

    /**
     * Set on purpose ahead of the code that reads it, each with its reason. Remove an entry once the name is read.
     */
    private static final Map<String, String> SET_AHEAD = Map.of();

    @Test
    void everyVariableComposeSetsIsReadByTheServiceItIsSetFor() {
        List<String> unread = new ArrayList<>();
        composeSets().forEach((module, set) -> {
            Set<String> read = LaunchSettings.read(module, "docker").keySet();
            for (String name : set) {
                if (!read.contains(name) && !SET_AHEAD.containsKey(name)) {
                    unread.add(module + ": " + name);
                }
            }
        });
        assertThat(unread).as("variables deploy/docker-compose.yml sets that the service never reads").isEmpty();
    }

    @Test
    void everyVariableTheNativeLauncherSetsIsReadByTheServiceItIsSetFor() {
        Map<String, Set<String>> sets = LaunchSettings.nativeSets();
        // The launch command hands the same variables to every process: each must be read by some module; the
        // per-module ones (the `extra` array) by that module.
        Set<String> readByAny = new TreeSet<>();
        LaunchSettings.MODULES.forEach(m -> readByAny.addAll(LaunchSettings.read(m, "local").keySet()));
        Set<String> common = new TreeSet<>(sets.get(LaunchSettings.MODULES.get(0)));
        sets.values().forEach(common::retainAll);
        List<String> unread = new ArrayList<>();
        sets.forEach((module, set) -> {
            Set<String> read = LaunchSettings.read(module, "local").keySet();
            for (String name : set) {
                boolean ok = common.contains(name) ? readByAny.contains(name) : read.contains(name);
                if (!ok && !SET_AHEAD.containsKey(name)) {
                    unread.add(module + ": " + name);
                }
            }
        });
        assertThat(sets.get("gateway")).as("the parser found the launch command's variables").contains("SERVER_PORT", "EUREKA_URL");
        assertThat(unread).as("variables deploy/local/lib.sh start_app sets that the service never reads").isEmpty();
    }

    @Test
    void everyVariableReadWithoutADefaultUnderDockerIsSetByCompose() {
        List<String> missing = new ArrayList<>();
        composeSets().forEach((module, set) -> LaunchSettings.read(module, "docker").forEach((name, required) -> {
            if (required && !set.contains(name)) {
                missing.add(module + ": " + name);
            }
        }));
        assertThat(missing).as("variables the docker profile reads with no default that Compose does not set").isEmpty();
    }

    @Test
    void everyVariableReadWithoutADefaultUnderLocalIsSetByTheNativeLauncher() {
        List<String> missing = new ArrayList<>();
        LaunchSettings.nativeSets().forEach((module, set) -> LaunchSettings.read(module, "local").forEach((name, required) -> {
            if (required && !set.contains(name)) {
                missing.add(module + ": " + name);
            }
        }));
        assertThat(missing).as("variables the local profile reads with no default that deploy/local/lib.sh does not set").isEmpty();
    }

    @Test
    void composeStartsEveryModuleFromTheRootDockerfile() {
        assertThat(composeSets().keySet()).containsExactlyInAnyOrderElementsOf(LaunchSettings.MODULES);
    }

    private static Map<String, Set<String>> composeSets() {
        return LaunchSettings.composeSets(COMPOSE, OFFLINE);
    }
}
