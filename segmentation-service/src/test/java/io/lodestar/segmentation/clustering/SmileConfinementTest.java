package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * CONVENTIONS.md rule 15 for this adapter: within the package only {@code KMeansFitter} imports Smile, and no public
 * type exposes it (checked on the sources, which Maven runs from the module directory).
 */
class SmileConfinementTest {

    private static final Path PACKAGE = Paths.get("src/main/java/io/lodestar/segmentation/clustering");

    @Test
    void onlyTheFitterImportsSmile() throws IOException {
        assertThat(PACKAGE).isDirectory();
        try (Stream<Path> files = Files.list(PACKAGE)) {
            List<String> importing = files.filter(file -> read(file).contains("import smile."))
                    .map(file -> file.getFileName().toString()).toList();
            assertThat(importing).containsExactly("KMeansFitter.java");
        }
        assertThat(read(PACKAGE.resolve("KMeansFitter.java"))).contains("\nfinal class KMeansFitter");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
