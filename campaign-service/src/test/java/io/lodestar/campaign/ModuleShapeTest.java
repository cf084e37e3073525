package io.lodestar.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** CONVENTIONS.md 3 and 12, checked on the sources: resources stay thin, only the peers package holds REST clients. */
class ModuleShapeTest {

    private static final Path MAIN = Paths.get("src/main/java/io/lodestar/campaign");

    @Test
    void resourcesInjectNoRepositoryPoolOrEmitter() {
        List<Path> resources = sources().filter(file -> file.getFileName().toString().endsWith("Resource.java"))
                .toList();
        assertThat(resources).hasSizeGreaterThanOrEqualTo(4);
        for (Path resource : resources) {
            assertThat(read(resource)).as(resource.toString())
                    .doesNotContain("Repository ", "sqlclient.Pool", "Emitter", "@WithTransaction", ".await()");
        }
    }

    @Test
    void onlyThePeersPackageUsesRestClients() {
        List<String> using = sources().filter(file -> read(file).contains("@RestClient")
                        || read(file).contains("@RegisterRestClient"))
                .map(file -> MAIN.relativize(file.getParent()).toString()).distinct().toList();
        assertThat(using).containsExactly("peers");
    }

    private static Stream<Path> sources() {
        try {
            return Files.walk(MAIN).filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
