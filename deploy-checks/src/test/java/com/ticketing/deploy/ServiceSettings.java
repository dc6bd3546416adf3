package com.ticketing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a module reads from its environment, derived from the project's own files, never listed by hand:
 * <ul>
 *   <li>the {@code ${VAR}} placeholders of the files a pod loads with the profile {@code docker}: the module's
 *       {@code application.yml} and {@code application-docker.yml}, and common's {@code ticketing-defaults.yml};</li>
 *   <li>the relaxed-binding name ({@code ticketing.kafka.partitions} → {@code TICKETING_KAFKA_PARTITIONS}) of every
 *       property the module's or common's Java code reads by key ({@code getProperty("...")}, {@code @Value("${...}")});</li>
 *   <li>the variables the image itself reads (the root Dockerfile's {@code $VAR}s: {@code JAVA_OPTS});</li>
 *   <li>Spring Boot's own names the manifests rely on, each with its reason ({@link #SPRING_BOOT}).</li>
 * </ul>
 */
final class ServiceSettings {

    /** Spring Boot properties set through their relaxed-binding environment names. */
    static final Set<String> SPRING_BOOT = Set.of(
            "SPRING_PROFILES_ACTIVE",            // the container profile, application-docker.yml
            "SPRING_CONFIG_IMPORT",              // user-service's signing key as a config tree (as in Compose)
            "SPRING_DATA_REDIS_CLUSTER_NODES");  // components/redis-cluster: clients in cluster mode

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern PROPERTY_READ = Pattern.compile(
            "(?:getProperty\\(\\s*\"|@Value\\(\\s*\"\\$\\{)([a-z][a-z0-9.\\-]*)");
    private static final Pattern DOCKERFILE_VAR = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static final Pattern CLIENT_DEFAULT = Pattern.compile(":http://([a-z]+(?:-[a-z]+)*-service)}");

    private ServiceSettings() {
    }

    /** Every environment variable {@code module}'s container reads. */
    static Set<String> environmentRead(String module) {
        Set<String> names = new TreeSet<>(SPRING_BOOT);
        Path resources = Rendered.REPO.resolve(module).resolve("src/main/resources");
        for (Path yml : new Path[] {resources.resolve("application.yml"), resources.resolve("application-docker.yml"),
                Rendered.REPO.resolve("common/src/main/resources/ticketing-defaults.yml")}) {
            if (Files.exists(yml)) {
                names.addAll(matches(PLACEHOLDER, Rendered.read(yml)));
            }
        }
        for (Path sources : new Path[] {Rendered.REPO.resolve(module).resolve("src/main/java"),
                Rendered.REPO.resolve("common/src/main/java")}) {
            for (Path java : javaFiles(sources)) {
                for (String key : matches(PROPERTY_READ, Rendered.read(java))) {
                    names.add(key.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT));
                }
            }
        }
        for (String line : Rendered.read(Rendered.REPO.resolve("Dockerfile")).split("\n")) {
            if (line.startsWith("ENTRYPOINT") || line.startsWith("CMD")) {
                names.addAll(matches(DOCKERFILE_VAR, line));
            }
        }
        return names;
    }

    /** The services {@code module} calls directly: the {@code http://<service>} defaults of its client base URLs. */
    static Set<String> servicesCalledBy(String module) {
        Path yml = Rendered.REPO.resolve(module).resolve("src/main/resources/application.yml");
        return Files.exists(yml) ? matches(CLIENT_DEFAULT, Rendered.read(yml)) : Set.of();
    }

    private static Set<String> matches(Pattern p, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
