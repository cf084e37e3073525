package io.lodestar.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both overlays render, and every object they render is a Kubernetes object its model fully understands. */
class OverlayRenderTest {

    /** The kinds without a Java model (CloudNativePG); {@link PostgresClusterTest} checks them by hand. */
    private static final Set<String> UNTYPED_KINDS = Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectParsesIntoItsModelWithoutUnknownFields(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.objects).hasSizeGreaterThan(50);
        for (HasMetadata object : manifests.objects) {
            String id = object.getApiVersion() + "/" + object.getKind() + " " + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                assertThat(UNTYPED_KINDS).as("%s has no typed model: wrong apiVersion or kind?", id)
                        .contains(object.getApiVersion() + "/" + object.getKind());
            } else {
                assertThat(UnknownFields.of(object)).as("fields of %s that its schema does not have", id).isEmpty();
            }
            assertThat(object.getMetadata().getName()).as("name of %s", id).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectLivesInTheOverlaysNamespace(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        String namespace = Manifests.OVERLAYS.get(overlay);

        assertThat(manifests.all(Namespace.class)).extracting(n -> n.getMetadata().getName()).containsExactly(namespace);
        assertThat(manifests.objects.stream().filter(o -> !(o instanceof Namespace))
                .map(o -> o.getMetadata().getNamespace()).collect(Collectors.toSet())).containsExactly(namespace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void namesAreUniquePerKind(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()))
                .doesNotHaveDuplicates();
    }

    @Test
    void aMisspelledFieldIsReported() {
        HasMetadata deployment = Manifests.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabels: {app: typo}
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          readinesProbe:
                            httpGet: {path: /q/health/ready, port: http}
                """);

        assertThat(UnknownFields.of(deployment)).containsExactly("spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void aValueOfTheWrongTypeDoesNotParse() {
        assertThatThrownBy(() -> Manifests.unmarshal("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: bad
                spec:
                  ports:
                    - port: eighty
                """)).isInstanceOf(RuntimeException.class);
    }
}
