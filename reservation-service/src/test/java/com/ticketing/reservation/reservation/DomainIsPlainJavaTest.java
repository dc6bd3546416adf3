package com.ticketing.reservation.reservation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain model (package {@code reservation}, not its sub-packages) depends on no framework. */
class DomainIsPlainJavaTest {

    @Test
    void shouldKeepSpringAndJdbcOutOfTheDomainModel() throws IOException {
        Path domain = Path.of("src/main/java/com/ticketing/reservation/reservation");
        List<Path> sources;
        try (Stream<Path> files = Files.list(domain)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }

        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            assertThat(Files.readAllLines(source))
                    .as(source.getFileName().toString())
                    .noneMatch(line -> line.startsWith("import org.springframework")
                            || line.startsWith("import java.sql")
                            || line.startsWith("import com.ticketing.common")
                            || line.startsWith("import jakarta"));
        }
    }
}
