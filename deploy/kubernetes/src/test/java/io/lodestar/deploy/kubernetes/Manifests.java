package io.lodestar.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The objects an overlay renders to: {@code kubectl kustomize overlays/<name>} (kubectl is a prerequisite of these
 * tests, never skipped), each document unmarshalled into its typed model — fabric8 for Kubernetes kinds and the
 * Prometheus operator's ServiceMonitor, Strimzi's api for Kafka, KafkaNodePool and KafkaTopic. CloudNativePG has no
 * Java model, so its Cluster and Database stay {@link GenericKubernetesResource}s and are checked field by field
 * ({@link PostgresClusterTest}).
 */
final class Manifests {

    /** The overlays and the namespace each renders into. */
    static final Map<String, String> OVERLAYS = Map.of("dev", "lodestar-dev", "prod", "lodestar");

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Map<String, Class<? extends HasMetadata>> TYPED_CUSTOM_KINDS = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    final String overlay;
    final String yaml;
    final List<HasMetadata> objects;

    private Manifests(String overlay, String yaml, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.yaml = yaml;
        this.objects = objects;
    }

    /** The rendered overlay (rendered once per test JVM). */
    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    /** deploy/kubernetes, the module's own directory (Surefire runs tests there). */
    static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("overlays"))) {
            return here;
        }
        return here.resolve("deploy/kubernetes");
    }

    /** The repository's root, where the services' modules are. */
    static Path repositoryRoot() {
        return moduleDir().getParent().getParent();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "overlay " + overlay + " has no " + type.getSimpleName() + " named " + name));
    }

    /** Every rendered object exactly as rendered (no typed model in between), for the schema check. */
    List<GenericKubernetesResource> asRendered() {
        return DOCUMENT_SEPARATOR.splitAsStream(yaml).filter(document -> !document.isBlank())
                .map(document -> SERIALIZATION.unmarshal(document, GenericKubernetesResource.class))
                .collect(Collectors.toList());
    }

    List<GenericKubernetesResource> generic(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(o -> apiVersion.equals(o.getApiVersion()) && kind.equals(o.getKind()))
                .collect(Collectors.toList());
    }

    private static Manifests render(String overlay) {
        Path dir = moduleDir().resolve("overlays").resolve(overlay);
        String yaml = kubectlKustomize(dir);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (!document.isBlank()) {
                objects.add(unmarshal(document));
            }
        }
        return new Manifests(overlay, yaml, List.copyOf(objects));
    }

    static HasMetadata unmarshal(String document) {
        GenericKubernetesResource probe = SERIALIZATION.unmarshal(document, GenericKubernetesResource.class);
        Class<? extends HasMetadata> custom = TYPED_CUSTOM_KINDS.get(probe.getApiVersion() + "/" + probe.getKind());
        if (custom != null) {
            return SERIALIZATION.unmarshal(document, custom);
        }
        return SERIALIZATION.unmarshal(document);
    }

    private static String kubectlKustomize(Path dir) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is a prerequisite of the deploy tests (kubectl kustomize renders the "
                    + "overlays offline) and could not be started: " + e.getMessage()
                    + ". Install kubectl >= 1.27 and put it on the PATH.", e);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("reading kubectl's output failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while kubectl kustomize ran", e);
        }
    }
}
