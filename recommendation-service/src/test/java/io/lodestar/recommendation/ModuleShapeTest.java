package io.lodestar.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** CONVENTIONS.md 3 and 15, checked on the sources: Smile stays in its adapter package, resources stay thin. */
class ModuleShapeTest {

    private static final Path MAIN = Paths.get("src/main/java/io/lodestar/recommendation");

    @Test
    void onlyTheAssociationPackageImportsSmile() {
        List<String> importing = sources().filter(file -> read(file).contains("import smile."))
                .map(file -> MAIN.relativize(file.getParent()).toString()).distinct().toList();
        assertThat(importing).containsExactly("association");
    }

    @Test
    void resourcesInjectNoRepositoryPoolRedisOrEmitter() {
        List<Path> resources = sources().filter(file -> file.getFileName().toString().endsWith("Resource.java"))
                .toList();
        assertThat(resources).isNotEmpty();
        for (Path resource : resources) {
            String source = read(resource);
            assertThat(source).as(resource.toString())
                    .doesNotContain("Repository ", "sqlclient.Pool", "ReactiveRedisDataSource", "Emitter",
                            "@WithTransaction", ".await()");
        }
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
