package io.lodestar.testkit.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public data sets for tests run in the Maven profile {@code datasets}
 * ({@code -Dlodestar.datasets=DIR}). Missing data is a failure, never a skip: the profile is only switched on
 * where the data is meant to be.
 */
public final class Datasets {

    public static final String PROPERTY = "lodestar.datasets";

    private Datasets() {
    }

    /** The folder of one data set, e.g. {@code online-retail}; fails with a clear message when absent. */
    public static Path directory(String name) {
        String root = System.getProperty(PROPERTY);
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("Data-set tests need -D" + PROPERTY + "=DIR (the folder holding "
                    + name + "/); see README, section 'Data-set tests'");
        }
        Path dir = Path.of(root).resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Data set '" + name + "' not found at " + dir.toAbsolutePath()
                    + "; see README, section 'Data-set tests', for where to download it");
        }
        return dir;
    }
}
