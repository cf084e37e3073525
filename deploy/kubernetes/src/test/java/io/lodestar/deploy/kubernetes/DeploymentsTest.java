package io.lodestar.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Deployment is production-shaped: probes, resources, a hardened non-root pod, and its companions. */
class DeploymentsTest {

    static final List<String> SERVICES = List.of(
            "customer-profile-service", "segmentation-service", "recommendation-service", "campaign-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theFourServicesAreDeployed(String overlay) {
        assertThat(Manifests.of(overlay).all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentProbesTheHealthEndpointsOnItsHttpPort(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).all(Deployment.class)) {
            Container container = onlyContainer(deployment);
            String name = deployment.getMetadata().getName();
            int port = httpPort(container);
            assertProbe(name + " startup", container.getStartupProbe(), "/q/health/started", container, port);
            assertProbe(name + " liveness", container.getLivenessProbe(), "/q/health/live", container, port);
            assertProbe(name + " readiness", container.getReadinessProbe(), "/q/health/ready", container, port);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentRequestsAndLimitsCpuAndMemory(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).all(Deployment.class)) {
            var resources = onlyContainer(deployment).getResources();
            String name = deployment.getMetadata().getName();
            assertThat(resources.getRequests()).as("%s requests", name).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as("%s limits", name).containsKeys("cpu", "memory");
            // A JVM whose memory may be taken back is killed: the request is the limit.
            assertThat(resources.getRequests().get("memory")).as("%s memory", name)
                    .isEqualTo(resources.getLimits().get("memory"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentRunsNonRootOnAReadOnlyRootWithAWritableTmp(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as("%s runAsUser", name).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).as("%s service account token", name).isFalse();
            Container container = onlyContainer(deployment);
            var security = container.getSecurityContext();
            assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", name).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", name).isFalse();
            assertThat(security.getCapabilities().getDrop()).as("%s dropped capabilities", name).containsExactly("ALL");
            String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " mounts nothing at /tmp")).getName();
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
            assertThat(volume.getEmptyDir()).as("%s /tmp is an emptyDir", name).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasItsServiceAutoscalerBudgetPolicyAndServiceMonitor(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            int port = httpPort(onlyContainer(deployment));

            Service service = manifests.get(Service.class, name);
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            ServicePort servicePort = service.getSpec().getPorts().get(0);
            assertThat(servicePort.getName()).isEqualTo("http");
            assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo("http");

            HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(deployment.getSpec().getReplicas()).as("%s replicas belong to the HPA", name).isNull();

            PodDisruptionBudget pdb = manifests.get(PodDisruptionBudget.class, name);
            assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

            NetworkPolicy policy = manifests.get(NetworkPolicy.class, name);
            assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
            assertThat(policy.getSpec().getIngress()).flatExtracting(rule -> rule.getPorts())
                    .extracting(p -> p.getPort().getIntVal()).containsOnly(port);

            ServiceMonitor monitor = manifests.get(ServiceMonitor.class, name);
            assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
            assertThat(monitor.getSpec().getEndpoints()).extracting(Endpoint::getPort, Endpoint::getPath)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("http", "/q/metrics"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theNamespaceDeniesByDefaultAndAllowsDns(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        NetworkPolicy deny = manifests.get(NetworkPolicy.class, "default-deny");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        NetworkPolicy dns = manifests.get(NetworkPolicy.class, "allow-dns");
        assertThat(dns.getSpec().getEgress()).flatExtracting(rule -> rule.getPorts())
                .extracting(p -> p.getPort().getIntVal()).containsOnly(53);
    }

    static Container onlyContainer(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("containers of %s", deployment.getMetadata().getName()).hasSize(1);
        return containers.get(0);
    }

    /** The container's port named {@code http}. */
    static int httpPort(Container container) {
        return container.getPorts().stream().filter(p -> "http".equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError(container.getName() + " has no port named http"));
    }

    private static void assertProbe(String what, Probe probe, String path, Container container, int port) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as(what + " is an HTTP GET").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        var probePort = probe.getHttpGet().getPort();
        int resolved = probePort.getStrVal() != null
                ? container.getPorts().stream().filter(p -> probePort.getStrVal().equals(p.getName()))
                        .map(ContainerPort::getContainerPort).findFirst()
                        .orElseThrow(() -> new AssertionError(what + " names no port of the container"))
                : probePort.getIntVal();
        assertThat(resolved).as(what + " port").isEqualTo(port);
    }
}
