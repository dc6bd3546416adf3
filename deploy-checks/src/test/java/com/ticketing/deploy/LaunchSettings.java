package com.ticketing.deploy;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables each launcher hands a Spring process, and those the process reads, derived from the
 * project's files:
 * <ul>
 *   <li>Compose: the {@code environment} of every service built from the root Dockerfile ({@code build.args.MODULE}),
 *       anchors and merge keys resolved, in {@code deploy/docker-compose.yml} and the offline override;</li>
 *   <li>the native launcher: the assignments in {@code start_app} of {@code deploy/local/lib.sh} (the variables on
 *       the launch command, for every module, and the {@code extra} array, per module);</li>
 *   <li>read: the placeholders left in the effective configuration of a profile (ticketing-defaults.yml, then the
 *       module's application.yml, then application-&lt;profile&gt;.yml, later keys replacing earlier ones), the
 *       relaxed-binding names of the properties the Java code reads by key, the Dockerfile's ENTRYPOINT variables,
 *       and the Spring Boot names of {@link #BOOT}.</li>
 * </ul>
 */
final class LaunchSettings {

    static final List<String> MODULES = List.of("discovery", "gateway", "queue-service", "user-service",
            "concert-service", "reservation-service", "payment-service");

    /** Spring Boot binds these itself (relaxed binding), placeholder or not. */
    static final Set<String> BOOT = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_CONFIG_IMPORT", "SERVER_PORT", "SERVER_ADDRESS",
            // spring.cloud.gateway.server.webflux.trusted-proxies: Compose's gateway adds X-Forwarded-* for Docker's proxy
            "SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_TRUSTEDPROXIES");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:)?");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?:^|[\\s(])([A-Z][A-Z0-9_]*)=");
    private static final Pattern CASE_ARM = Pattern.compile("^\\s*([a-z][a-z-]*)\\)\\s*(.*)$");

    private LaunchSettings() {
    }

    /** A variable a profile's configuration reads, and whether every read of it has a default. */
    record Read(String name, boolean required) {
    }

    /** What {@code module} reads when it runs with {@code profile}: name → required (some read has no default). */
    static Map<String, Boolean> read(String module, String profile) {
        Map<String, Object> effective = new LinkedHashMap<>();
        Path resources = Rendered.REPO.resolve(module).resolve("src/main/resources");
        for (Path yml : List.of(Rendered.REPO.resolve("common/src/main/resources/ticketing-defaults.yml"),
                resources.resolve("application.yml"), resources.resolve("application-" + profile + ".yml"))) {
            if (Files.exists(yml)) {
                for (Object doc : new Yaml().loadAll(Rendered.read(yml))) {
                    if (doc instanceof Map<?, ?> map && !profileSpecificOtherThan(map, profile)) {
                        flatten("", map, effective);
                    }
                }
            }
        }
        Map<String, Boolean> read = new TreeMap<>();
        for (Object value : effective.values()) {
            Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
            while (m.find()) {
                read.merge(m.group(1), m.group(2) == null, Boolean::logicalOr);
            }
        }
        // Property keys read by Java code, the image's own variables, Spring Boot's names: never required here.
        for (String name : ServiceSettings.environmentRead(module)) {
            read.putIfAbsent(name, false);
        }
        for (String name : BOOT) {
            read.putIfAbsent(name, false);
        }
        return read;
    }

    /** A document activated only for other profiles ({@code spring.config.activate.on-profile}). */
    private static boolean profileSpecificOtherThan(Map<?, ?> doc, String profile) {
        Object spring = doc.get("spring");
        if (spring instanceof Map<?, ?> s && s.get("config") instanceof Map<?, ?> c
                && c.get("activate") instanceof Map<?, ?> a && a.get("on-profile") != null) {
            return !String.valueOf(a.get("on-profile")).contains(profile);
        }
        return false;
    }

    private static void flatten(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node instanceof List<?> list) {
            // A list replaces the whole list of a lower layer, as Spring does.
            out.keySet().removeIf(k -> k.startsWith(prefix + "["));
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    /** Compose: module → the variables its service's {@code environment} sets (in every given file, merged). */
    static Map<String, Set<String>> composeSets(Path... files) {
        Map<String, Set<String>> sets = new TreeMap<>();
        for (Path file : files) {
            Map<?, ?> doc = new Yaml().load(Rendered.read(file));
            Map<?, ?> services = (Map<?, ?>) doc.get("services");
            for (Map.Entry<?, ?> e : services.entrySet()) {
                Map<?, ?> service = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
                String module = String.valueOf(e.getKey());
                if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args
                        && args.get("MODULE") != null) {
                    module = String.valueOf(args.get("MODULE"));
                } else if (!MODULES.contains(module)) {
                    continue;
                }
                Set<String> names = sets.computeIfAbsent(module, k -> new TreeSet<>());
                Object env = service.get("environment");
                if (env instanceof Map<?, ?> map) {
                    map.keySet().forEach(k -> names.add(String.valueOf(k)));
                } else if (env instanceof List<?> list) {
                    list.forEach(item -> names.add(String.valueOf(item).split("=", 2)[0]));
                }
            }
        }
        sets.keySet().retainAll(MODULES);
        return sets;
    }

    /** The native launcher: module → the variables {@code start_app} in deploy/local/lib.sh sets for it. */
    static Map<String, Set<String>> nativeSets() {
        String lib = Rendered.read(Rendered.REPO.resolve("deploy/local/lib.sh"));
        int start = lib.indexOf("start_app() {");
        if (start < 0) {
            throw new AssertionError("deploy/local/lib.sh has no start_app() function");
        }
        String[] lines = lib.substring(start, lib.indexOf("\n}\n", start)).split("\n");
        Set<String> everyModule = new TreeSet<>();
        Set<String> defaultExtra = new TreeSet<>();
        Map<String, String> arms = new TreeMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("local extra=(")) {
                defaultExtra.addAll(assignments(line));
            }
            Matcher arm = CASE_ARM.matcher(lines[i]);
            if (arm.matches() && MODULES.contains(arm.group(1))) {
                arms.put(arm.group(1), arm.group(2));
            }
            if (line.contains("nohup ")) {
                // The launch command and the lines it continues (ending in a backslash).
                int first = i;
                while (first > 0 && lines[first - 1].strip().endsWith("\\")) {
                    first--;
                }
                for (int j = first; j <= i; j++) {
                    everyModule.addAll(assignments(lines[j].strip()));
                }
            }
        }
        Map<String, Set<String>> sets = new TreeMap<>();
        for (String module : MODULES) {
            Set<String> names = new TreeSet<>(everyModule);
            String arm = arms.getOrDefault(module, "");
            if (!arm.contains("extra=(")) {
                names.addAll(defaultExtra);
            }
            names.addAll(assignments(arm));
            sets.put(module, names);
        }
        return sets;
    }

    private static Set<String> assignments(String shell) {
        Set<String> names = new TreeSet<>();
        Matcher m = ASSIGNMENT.matcher(shell);
        while (m.find()) {
            names.add(m.group(1));
        }
        names.remove("JAVA_BIN");
        return names;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
