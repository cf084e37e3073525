package io.lodestar.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Runs {@code schema-check/validate.mjs} (Node.js): the objects against the JSON schemas of npm
 * {@code kubernetes-models} — the API server's OpenAPI for the built-in kinds, the operators' CRD schemas for
 * Strimzi, the Prometheus operator and CloudNativePG. The packages are installed once with {@code npm ci} from the
 * committed lock file. Node.js and npm are prerequisites of the deploy tests, like kubectl: missing, the test fails
 * and says so.
 */
final class SchemaCheck {

    /** The validator's verdict per object: lines {@code valid <id>} and {@code invalid <id>: <why>}. */
    record Verdicts(List<String> valid, List<String> invalid) {
    }

    private static boolean installed;

    private SchemaCheck() {
    }

    static Verdicts validate(List<GenericKubernetesResource> objects) {
        Path dir = Manifests.moduleDir().resolve("schema-check");
        installOnce(dir);
        try {
            Path input = Files.createTempFile(Manifests.moduleDir().resolve("target"), "objects-", ".json");
            Files.writeString(input, Manifests.SERIALIZATION.asJson(objects));
            List<String> lines = run(dir, List.of("node", "validate.mjs", input.toString()), true);
            Files.delete(input);
            List<String> valid = new ArrayList<>();
            List<String> invalid = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("valid ")) {
                    valid.add(line.substring("valid ".length()));
                } else if (line.startsWith("invalid ")) {
                    invalid.add(line.substring("invalid ".length()));
                }
            }
            return new Verdicts(valid, invalid);
        } catch (IOException e) {
            throw new AssertionError("could not hand the objects to the schema check: " + e.getMessage(), e);
        }
    }

    private static synchronized void installOnce(Path dir) {
        if (!installed) {
            run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), false);
            installed = true;
        }
    }

    /** Runs a command in {@code dir}; its output lines. A non-zero exit fails unless {@code exitMayFail}. */
    private static List<String> run(Path dir, List<String> command, boolean exitMayFail) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is a prerequisite of the deploy tests (the schema check runs "
                    + "on Node.js >= 20 with npm) and could not be started: " + e.getMessage()
                    + ". Install Node.js and npm (apt-get install nodejs npm) and put them on the PATH.", e);
        }
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 300 s");
            }
            if (process.exitValue() != 0 && !exitMayFail) {
                throw new AssertionError(String.join(" ", command) + " in " + dir + " failed (exit "
                        + process.exitValue() + "): " + out);
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new AssertionError("reading " + command.get(0) + "'s output failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + command.get(0) + " ran", e);
        }
    }
}
