package io.lodestar.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Every rendered object is valid against its JSON schema (npm {@code kubernetes-models}: the API server's OpenAPI
 * and the Strimzi, Prometheus-operator and CloudNativePG CRDs): types, required fields, enumerations and ranges the
 * Java models do not check. {@link OverlayRenderTest} checks the field names.
 */
class SchemaValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectMatchesItsSchema(String overlay) {
        List<GenericKubernetesResource> objects = Manifests.of(overlay).asRendered();

        SchemaCheck.Verdicts verdicts = SchemaCheck.validate(objects);

        assertThat(verdicts.invalid()).as("objects of overlay %s that their schema refuses", overlay).isEmpty();
        assertThat(verdicts.valid()).hasSize(objects.size());
    }

    @Test
    void aWrongTypeAValueOutOfRangeAndAKindWithoutSchemaAreRefused() {
        List<GenericKubernetesResource> objects = List.of(
                object("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: wrong-type}
                        spec:
                          replicas: three
                          selector: {matchLabels: {app: x}}
                          template: {spec: {containers: [{name: c, image: i}]}}
                        """),
                object("""
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Cluster
                        metadata: {name: no-instances}
                        spec: {instances: 0, storage: {size: 1Gi}}
                        """),
                object("""
                        apiVersion: kafka.strimzi.io/v1beta2
                        kind: KafkaTopic
                        metadata: {name: many-partitions}
                        spec: {partitions: many, replicas: 3}
                        """),
                object("""
                        apiVersion: v1
                        kind: Servce
                        metadata: {name: typo}
                        """));

        SchemaCheck.Verdicts verdicts = SchemaCheck.validate(objects);

        assertThat(verdicts.valid()).isEmpty();
        assertThat(verdicts.invalid()).hasSize(4);
        assertThat(verdicts.invalid().get(0)).contains("wrong-type", "replicas must be integer");
        assertThat(verdicts.invalid().get(1)).contains("no-instances", "instances must be >= 1");
        assertThat(verdicts.invalid().get(2)).contains("many-partitions", "partitions must be integer");
        assertThat(verdicts.invalid().get(3)).contains("v1/Servce typo", "no schema");
    }

    private static GenericKubernetesResource object(String yaml) {
        return Manifests.SERIALIZATION.unmarshal(yaml, GenericKubernetesResource.class);
    }
}
