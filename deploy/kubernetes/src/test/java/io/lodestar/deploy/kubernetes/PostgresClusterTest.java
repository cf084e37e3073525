package io.lodestar.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudNativePG Cluster and Databases, checked by hand: there is no Java model of them, so the fields used are
 * held against the ones CloudNativePG 1.27 defines (postgresql.cnpg.io/v1), and each service gets its own database,
 * owned by its own role, whose password Secret is the one the service's Deployment reads.
 */
class PostgresClusterTest {

    private static final Set<String> CLUSTER_SPEC = Set.of("instances", "imageName", "imageCatalogRef",
            "imagePullPolicy", "imagePullSecrets", "storage", "walStorage", "postgresql", "bootstrap", "managed",
            "resources", "affinity", "topologySpreadConstraints", "monitoring", "backup", "replica", "superuserSecret",
            "enableSuperuserAccess", "primaryUpdateStrategy", "primaryUpdateMethod", "minSyncReplicas",
            "maxSyncReplicas", "description", "inheritedMetadata", "logLevel", "startDelay", "stopDelay",
            "switchoverDelay", "failoverDelay", "smartShutdownTimeout", "nodeMaintenanceWindow", "priorityClassName",
            "schedulerName", "serviceAccountTemplate", "certificates", "env", "envFrom", "externalClusters",
            "projectedVolumeTemplate", "tablespaces", "plugins", "probes", "enablePDB", "postgresUID", "postgresGID");
    private static final Set<String> STORAGE = Set.of("size", "storageClass", "resizeInUseVolumes", "pvcTemplate");
    private static final Set<String> POSTGRESQL = Set.of("parameters", "pg_hba", "pg_ident", "synchronous",
            "shared_preload_libraries", "ldap", "promotionTimeout", "enableAlterSystem", "syncReplicaElectionConstraint",
            "extensions");
    private static final Set<String> INITDB = Set.of("database", "owner", "secret", "options", "dataChecksums",
            "encoding", "localeCollate", "localeCType", "locale", "localeProvider", "icuLocale", "icuRules",
            "builtinLocale", "walSegmentSize", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL",
            "postInitSQLRefs", "postInitApplicationSQLRefs", "postInitTemplateSQLRefs", "import");
    private static final Set<String> ROLE = Set.of("name", "ensure", "comment", "login", "superuser", "createdb",
            "createrole", "inherit", "replication", "bypassrls", "connectionLimit", "validUntil", "inRoles",
            "passwordSecret", "disablePassword");
    private static final Set<String> DATABASE_SPEC = Set.of("cluster", "name", "owner", "ensure", "template",
            "encoding", "locale", "localeProvider", "localeCollate", "localeCType", "icuLocale", "icuRules",
            "builtinLocale", "collationVersion", "isTemplate", "allowConnections", "connectionLimit", "tablespace",
            "databaseReclaimPolicy", "schemas", "extensions", "fdws");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theClusterUsesOnlyFieldsCloudNativePgDefines(String overlay) {
        GenericKubernetesResource cluster = cluster(overlay);
        Map<String, Object> spec = map(cluster.getAdditionalProperties().get("spec"));

        assertThat(spec.keySet()).isSubsetOf(CLUSTER_SPEC);
        assertThat(map(spec.get("storage")).keySet()).isSubsetOf(STORAGE);
        assertThat(map(spec.get("postgresql")).keySet()).isSubsetOf(POSTGRESQL);
        Map<String, Object> bootstrap = map(spec.get("bootstrap"));
        assertThat(bootstrap.keySet()).containsExactly("initdb");
        assertThat(map(bootstrap.get("initdb")).keySet()).isSubsetOf(INITDB);
        assertThat(map(spec.get("managed")).keySet()).containsExactly("roles");
        for (Object role : list(map(spec.get("managed")).get("roles"))) {
            assertThat(map(role).keySet()).isSubsetOf(ROLE);
        }
        assertThat(spec.get("instances")).isEqualTo(overlay.equals("prod") ? 3 : 1);
        for (GenericKubernetesResource database : databases(overlay)) {
            Map<String, Object> databaseSpec = map(database.getAdditionalProperties().get("spec"));
            assertThat(databaseSpec.keySet()).isSubsetOf(DATABASE_SPEC);
            assertThat(map(databaseSpec.get("cluster"))).containsEntry("name", cluster.getMetadata().getName());
            assertThat(databaseSpec).containsEntry("ensure", "present");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsOwnDatabaseOwnedByTheRoleWhosePasswordItReads(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> spec = map(cluster(overlay).getAdditionalProperties().get("spec"));

        // role -> the Secret holding its password
        Map<String, String> roleSecrets = new HashMap<>();
        Map<String, Object> initdb = map(map(spec.get("bootstrap")).get("initdb"));
        roleSecrets.put((String) initdb.get("owner"), (String) map(initdb.get("secret")).get("name"));
        for (Object role : list(map(spec.get("managed")).get("roles"))) {
            roleSecrets.put((String) map(role).get("name"), (String) map(map(role).get("passwordSecret")).get("name"));
        }
        // database -> its owner
        Map<String, String> owners = new HashMap<>();
        owners.put((String) initdb.get("database"), (String) initdb.get("owner"));
        for (GenericKubernetesResource database : databases(overlay)) {
            Map<String, Object> databaseSpec = map(database.getAdditionalProperties().get("spec"));
            owners.put((String) databaseSpec.get("name"), (String) databaseSpec.get("owner"));
        }

        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            String database = ServiceConfigTest.environment(manifests, deployment).get("LODESTAR_DB_NAME");
            assertThat(owners).as("databases of the cluster").containsKey(database);
            String secret = roleSecrets.get(owners.get(database));
            assertThat(secret).as("password Secret of the owner of %s", database).isNotNull();
            for (String variable : List.of("LODESTAR_DB_USER", "LODESTAR_DB_PASSWORD")) {
                EnvVar env = DeploymentsTest.onlyContainer(deployment).getEnv().stream()
                        .filter(e -> e.getName().equals(variable)).findFirst()
                        .orElseThrow(() -> new AssertionError(service + " does not set " + variable));
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).as("%s %s", service, variable).isEqualTo(secret);
            }
        }
        assertThat(owners.values()).as("one owner per database").doesNotHaveDuplicates();
    }

    private static GenericKubernetesResource cluster(String overlay) {
        List<GenericKubernetesResource> clusters = Manifests.of(overlay).generic("postgresql.cnpg.io/v1", "Cluster");
        assertThat(clusters).hasSize(1);
        return clusters.get(0);
    }

    private static List<GenericKubernetesResource> databases(String overlay) {
        return Manifests.of(overlay).generic("postgresql.cnpg.io/v1", "Database");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }
}
