package io.lodestar.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests and the services' application.properties agree: every variable a Deployment sets is one the service
 * reads (or a documented standard one), every variable it requires is set, the ports match, the secrets and files
 * exist where the variables point, and the addresses name the Services that really exist.
 */
class ServiceConfigTest {

    /**
     * Variables that are not {@code ${…}} references in application.properties but are read all the same:
     * the base image's run-java.sh reads JAVA_OPTS_APPEND; the rest are Quarkus' own environment names of
     * properties (quarkus.http.body.uploads-directory, quarkus.log.category."io.lodestar".level, quarkus.http.port).
     */
    static final Set<String> STANDARD = Set.of("JAVA_OPTS_APPEND", "QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY",
            "QUARKUS_LOG_CATEGORY__IO_LODESTAR__LEVEL", "QUARKUS_HTTP_PORT");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableSetIsReadAndEveryRequiredOneIsSet(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            ServiceProperties properties = ServiceProperties.of(service);
            Set<String> set = environment(manifests, deployment).keySet();

            Set<String> unknown = new TreeSet<>(set);
            unknown.removeAll(properties.variablesRead());
            unknown.removeAll(STANDARD);
            assertThat(unknown).as("variables %s sets that its application.properties never reads", service).isEmpty();
            assertThat(set).as("variables %s requires in prod", service).containsAll(properties.variablesRequiredInProd());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theContainerPortIsTheOneTheServiceListensOn(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            String override = environment(manifests, deployment).get("QUARKUS_HTTP_PORT");
            int listens = override != null ? Integer.parseInt(override) : ServiceProperties.of(service).httpPort();
            assertThat(DeploymentsTest.httpPort(DeploymentsTest.onlyContainer(deployment))).as("%s port", service)
                    .isEqualTo(listens);
            assertThat(manifests.get(Service.class, service).getSpec().getPorts().get(0).getPort()).isEqualTo(listens);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsCommittedAndFilesArePointedAtMountedSecretKeys(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.all(Secret.class)).as("Secrets are created at install time, never committed").isEmpty();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Container container = DeploymentsTest.onlyContainer(deployment);
            for (Map.Entry<String, String> variable : environment(manifests, deployment).entrySet()) {
                if (variable.getKey().endsWith("_KEY_LOCATION")) {
                    assertThat(secretFiles(deployment, container)).as("%s: %s", service, variable.getKey())
                            .contains(variable.getValue());
                }
            }
            for (EnvVar env : container.getEnv()) {
                if (env.getName().equals("LODESTAR_DB_PASSWORD") || env.getName().equals("LODESTAR_IDENTITY_HASH_SECRET")) {
                    assertThat(env.getValueFrom().getSecretKeyRef()).as("%s %s", service, env.getName()).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void addressesNameTheServicesThatExist(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Kafka kafka = manifests.get(Kafka.class, "lodestar");
        int plain = kafka.getSpec().getKafka().getListeners().stream().filter(l -> l.getName().equals("plain"))
                .findFirst().orElseThrow().getPort();
        String pgCluster = manifests.generic("postgresql.cnpg.io/v1", "Cluster").get(0).getMetadata().getName();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Map<String, String> env = environment(manifests, deployment);
            assertThat(env).as("%s", service)
                    .containsEntry("LODESTAR_KAFKA_BOOTSTRAP_SERVERS", "lodestar-kafka-bootstrap:" + plain)
                    .containsEntry("LODESTAR_DB_HOST", pgCluster + "-rw")
                    .containsEntry("LODESTAR_DB_PORT", "5432");
            for (Map.Entry<String, String> variable : env.entrySet()) {
                if (variable.getKey().endsWith("_URL")) {
                    URI uri = URI.create(variable.getValue());
                    Service target = manifests.get(Service.class, uri.getHost());
                    assertThat(target.getSpec().getPorts()).as("%s %s", service, variable.getKey())
                            .anyMatch(p -> p.getPort() == uri.getPort());
                }
            }
            ServiceProperties properties = ServiceProperties.of(service);
            assertThat(env.get("LODESTAR_DB_NAME")).as("%s database", service)
                    .isEqualTo(properties.defaultOf("LODESTAR_DB_NAME"));
        }
    }

    /** Each variable the container gets, with its value (a secret's as {@code secret:<name>/<key>}). */
    static Map<String, String> environment(Manifests manifests, Deployment deployment) {
        Container container = DeploymentsTest.onlyContainer(deployment);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            assertThat(source.getSecretRef()).as("secrets are referenced key by key (secretKeyRef)").isNull();
            ConfigMap map = manifests.get(ConfigMap.class, source.getConfigMapRef().getName());
            env.putAll(map.getData());
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                env.put(variable.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            } else {
                env.put(variable.getName(), variable.getValue());
            }
        }
        return env;
    }

    /** The files the container sees from Secret volumes, e.g. /etc/lodestar/jwt/public-key.pem. */
    private static Set<String> secretFiles(Deployment deployment, Container container) {
        Set<String> files = new TreeSet<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            if (volume.getSecret() != null) {
                assertThat(mount.getReadOnly()).as("secret volume %s mounted read-only", mount.getName()).isTrue();
                for (KeyToPath item : volume.getSecret().getItems()) {
                    files.add(mount.getMountPath() + "/" + item.getPath());
                }
            }
        }
        return files;
    }
}
