package org.surgeline.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline check of {@code k8s/}: each overlay is rendered with {@code kubectl kustomize} (there
 * is no cluster here) and every document is checked against what the service really does. The
 * probes are called on this test's running instance.
 */
@QuarkusTest
class KubernetesManifestTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of("k8s");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path CLASSES = Path.of("target/classes");

    /** The port the service listens on (quarkus.http.port's default; nothing overrides it in prod). */
    private static final int SERVICE_PORT = 8080;
    /**
     * The packaged build's management interface (quarkus.management.port's default): health and
     * metrics; ManagementPortIT shows they are there and not on {@link #SERVICE_PORT}.
     */
    private static final int MANAGEMENT_PORT = 9000;
    /**
     * Connections Surgeline may hold: PostgreSQL's default max_connections (100), less its 3
     * superuser-reserved ones and 5 for operators and monitoring (README, Database connections).
     */
    private static final int DB_CONNECTION_BUDGET = 92;
    /** Quarkus keys only the manifests set (application.properties leaves them at their defaults). */
    private static final Set<String> MANIFEST_ONLY_KEYS = Set.of("quarkus.init-and-exit", "quarkus.flyway.validate-at-start");
    /** kube-state-metrics series the alerts use besides the service's own. */
    private static final Set<String> KUBE_STATE_METRICS = Set.of("kube_deployment_status_replicas_available",
            "kube_horizontalpodautoscaler_status_current_replicas", "kube_horizontalpodautoscaler_spec_max_replicas");
    /** The components an overlay may add (k8s/components), rendered together on top of production. */
    private static final List<String> COMPONENTS = List.of("monitoring", "request-rate", "keda-planner");
    private static final String ALL_COMPONENTS = "production+components";
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");
    /**
     * Environment variables that are not configuration keys: read by the image's run script
     * (src/main/docker/Dockerfile.jvm), never by the service.
     */
    private static final Set<String> RUN_SCRIPT_VARIABLES = Set.of("JAVA_OPTS_APPEND");
    /** What a committed Secret may hold: nothing, or an obvious placeholder. */
    private static final Pattern PLACEHOLDER = Pattern.compile("|change-me|\\$\\{[A-Z0-9_]+}|<[^<>]+>");
    /** PlanSolver may take this long after SIGTERM to store the best plan of a running solve. */
    private static final Duration PLAN_STORE_TIME = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production", ALL_COMPONENTS})
    void everyContainerHasRequestsLimitsAndProbes(String overlay) {
        List<JsonNode> docs = render(overlay);
        List<JsonNode> workloads = workloads(docs);
        assertThat(workloads).isNotEmpty();
        for (JsonNode workload : workloads) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                String where = name(workload) + "/" + container.path("name").asText();
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertTrue(container.at("/resources/" + kind + "/" + resource).isTextual()
                                || container.at("/resources/" + kind + "/" + resource).isNumber(),
                                where + " has no " + kind + "." + resource);
                    }
                }
                assertTrue(cpuMillis(container.at("/resources/requests/cpu")) <= cpuMillis(container.at("/resources/limits/cpu")),
                        where + ": cpu request above its limit");
                assertTrue(bytes(container.at("/resources/requests/memory")) <= bytes(container.at("/resources/limits/memory")),
                        where + ": memory request above its limit");
                if (isSurgeline(container)) {
                    // The JVM sizes its heap from the limit and keeps it: the node must really have it.
                    assertEquals(bytes(container.at("/resources/limits/memory")), bytes(container.at("/resources/requests/memory")),
                            where + ": memory request must equal the limit");
                }
                if (isJob(workload)) {
                    continue;
                }
                if (isSurgeline(container)) {
                    PROBE_PATHS.forEach((probe, path) -> {
                        assertEquals(path, container.at("/" + probe + "/httpGet/path").asText(), where + " " + probe);
                        assertEquals(MANAGEMENT_PORT, containerPort(container, container.at("/" + probe + "/httpGet/port")),
                                where + " " + probe + " is not on the management port");
                    });
                    assertEquals(String.valueOf(MANAGEMENT_PORT),
                            workload.at("/spec/template/metadata/annotations/prometheus.io~1port").asText(),
                            where + ": annotation-based scraping must use the management port");
                } else {
                    for (String probe : PROBE_PATHS.keySet()) {
                        assertTrue(container.has(probe), where + " has no " + probe);
                    }
                }
            }
        }
    }

    @Test
    void theProbedPathsAnswerOnTheRunningService() {
        Set<String> paths = new TreeSet<>();
        for (String overlay : List.of("demo", "production")) {
            for (JsonNode workload : workloads(render(overlay))) {
                for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                    for (String probe : PROBE_PATHS.keySet()) {
                        JsonNode path = container.at("/" + probe + "/httpGet/path");
                        if (isSurgeline(container) && path.isTextual()) {
                            paths.add(path.asText());
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(PROBE_PATHS.values()), paths);
        for (String path : paths) {
            given().get(path).then().statusCode(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production", ALL_COMPONENTS})
    void containersRunUnprivilegedOnAReadOnlyRootFilesystem(String overlay) {
        for (JsonNode workload : workloads(render(overlay))) {
            JsonNode pod = workload.at("/spec/template/spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), name(workload) + " may run as root");
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name(workload) + " user").isPositive();
            for (JsonNode container : pod.path("containers")) {
                String where = name(workload) + "/" + container.path("name").asText();
                assertEquals("false", container.at("/securityContext/allowPrivilegeEscalation").asText(), where);
                assertEquals("true", container.at("/securityContext/readOnlyRootFilesystem").asText(), where);
                if (isSurgeline(container)) {
                    assertTrue(mountPaths(container).contains("/tmp"), where + " has no writable /tmp");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void theAutoscalerScalesTheApiFastUpAndSlowlyDown(String overlay) {
        List<JsonNode> docs = render(overlay);
        List<JsonNode> hpas = ofKind(docs, "HorizontalPodAutoscaler");
        assertEquals(1, hpas.size());
        JsonNode hpa = hpas.get(0);
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        JsonNode target = deployment(docs, hpa.at("/spec/scaleTargetRef/name").asText());
        assertEquals("false", envValue(surgelineContainer(target), "SURGELINE_PLANNING_SOLVER_ENABLED"),
                "the autoscaler must scale the API, whose solver is off");
        int min = hpa.at("/spec/minReplicas").asInt();
        int max = hpa.at("/spec/maxReplicas").asInt();
        assertThat(min).isPositive().isLessThanOrEqualTo(max);
        assertTrue(target.at("/spec/replicas").isMissingNode(), "the autoscaler owns the API's replica count");

        Set<String> metrics = new HashSet<>();
        for (JsonNode metric : hpa.at("/spec/metrics")) {
            metrics.add(metric.path("type").asText() + ":" + (metric.path("type").asText().equals("Resource")
                    ? metric.at("/resource/name").asText()
                    : metric.at("/pods/metric/name").asText()));
        }
        // CPU alone by default: an HPA that cannot fetch a metric skips scaling down (README, Autoscaling).
        assertEquals(Set.of("Resource:cpu"), metrics, "the request rate is the opt-in component request-rate");
        // Long enough that a new pod's warm-up burst does not scale the API to its maximum, short
        // enough for a surge.
        assertThat(hpa.at("/spec/behavior/scaleUp/stabilizationWindowSeconds").asInt(-1))
                .as("scale-up stabilization window").isBetween(30, 120);
        for (JsonNode policy : hpa.at("/spec/behavior/scaleUp/policies")) {
            assertThat(policy.path("periodSeconds").asInt()).as("scale-up period").isLessThanOrEqualTo(30);
        }
        assertThat(hpa.at("/spec/behavior/scaleDown/stabilizationWindowSeconds").asInt())
                .as("scale-down stabilization window").isGreaterThanOrEqualTo(60);
    }

    @Test
    void theSeriesBehindTheRequestRateMetricIsExported() {
        given().auth().preemptive().basic("admin", "admin").get("/api/counties").then().statusCode(200);
        // The Prometheus adapter rule of the README derives http_server_requests_per_second from
        // this series, per pod, leaving out /q/* by its uri label.
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*\\nhttp_server_requests_seconds_count\\{[^}]*uri=\"/api/counties\"[^}]*} .*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void everyDeploymentHasADisruptionBudgetThatSelectsExactlyIt(String overlay) {
        List<JsonNode> docs = render(overlay);
        List<JsonNode> deployments = ofKind(docs, "Deployment");
        assertThat(deployments).extracting(KubernetesManifestTest::name)
                .containsExactlyInAnyOrder("surgeline-api", "surgeline-planner");
        Set<String> covered = new HashSet<>();
        for (JsonNode pdb : ofKind(docs, "PodDisruptionBudget")) {
            Map<String, String> selector = labels(pdb.at("/spec/selector/matchLabels"));
            assertThat(selector).as(name(pdb) + " selector").isNotEmpty();
            assertTrue(pdb.at("/spec/selector/matchExpressions").isMissingNode(), "only matchLabels are checked");
            assertEquals("AlwaysAllow", pdb.at("/spec/unhealthyPodEvictionPolicy").asText(),
                    name(pdb) + ": an unready pod must never block a drain");
            List<String> selected = deployments.stream()
                    .filter(d -> labels(d.at("/spec/template/metadata/labels")).entrySet().containsAll(selector.entrySet()))
                    .map(KubernetesManifestTest::name).toList();
            assertEquals(1, selected.size(), name(pdb) + " selects " + selected);
            covered.addAll(selected);
        }
        assertThat(covered).containsExactlyInAnyOrder("surgeline-api", "surgeline-planner");
        for (JsonNode deployment : deployments) {
            assertTrue(labels(deployment.at("/spec/template/metadata/labels")).entrySet()
                    .containsAll(labels(deployment.at("/spec/selector/matchLabels")).entrySet()), name(deployment));
        }
        JsonNode service = ofKind(docs, "Service").stream().filter(s -> name(s).equals("surgeline")).findFirst().orElseThrow();
        Map<String, String> serviceSelector = labels(service.at("/spec/selector"));
        assertThat(deployments).filteredOn(d -> labels(d.at("/spec/template/metadata/labels")).entrySet()
                .containsAll(serviceSelector.entrySet())).extracting(KubernetesManifestTest::name)
                .as("the Service sends traffic to the API only").containsExactly("surgeline-api");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production", ALL_COMPONENTS})
    void everyEnvironmentVariableIsAConfigurationKeyTheServiceReads(String overlay) throws IOException {
        List<JsonNode> docs = render(overlay);
        Set<String> known = knownConfigKeys();
        String properties = Files.readString(APPLICATION_PROPERTIES);
        Set<String> unknown = new TreeSet<>();
        known.addAll(MANIFEST_ONLY_KEYS);
        for (JsonNode workload : workloads(docs).stream().filter(w -> !w.path("kind").asText().equals("StatefulSet")).toList()) {
            for (String variable : environment(docs, surgelineContainer(workload))) {
                boolean referenced = properties.contains("${" + variable + ":") || properties.contains("${" + variable + "}");
                boolean isKey = known.stream().anyMatch(key -> toEnvironmentName(key).equals(variable));
                if (!referenced && !isKey && !RUN_SCRIPT_VARIABLES.contains(variable)) {
                    unknown.add(name(workload) + ": " + variable);
                }
            }
        }
        assertThat(unknown).as("environment variables the service does not read").isEmpty();
        assertEquals("true", envValue(surgelineContainer(deployment(docs, "surgeline-planner")), "SURGELINE_PLANNING_SOLVER_ENABLED"));
        assertEquals("false", envValue(surgelineContainer(deployment(docs, "surgeline-api")), "SURGELINE_PLANNING_SOLVER_ENABLED"));
    }

    @Test
    void environmentNamesMapToKeysTheSmallRyeWay() throws IOException {
        assertEquals("QUARKUS_SHUTDOWN_DELAY", toEnvironmentName("quarkus.shutdown.delay"));
        assertEquals("SURGELINE_PLANNING_SOLVER_ENABLED", toEnvironmentName("surgeline.planning.solver-enabled"));
        Set<String> known = knownConfigKeys();
        assertThat(known).contains("surgeline.planning.solver-enabled", "surgeline.planning.weights.routine",
                "quarkus.shutdown.timeout", "surgeline.security.county-claim");
        assertThat(known).noneMatch(key -> toEnvironmentName(key).equals("SURGELINE_PLANNING_SOLVER_ENABLE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void noSecretCarriesARealValue(String overlay) throws IOException {
        List<JsonNode> secrets = new ArrayList<>(ofKind(render(overlay), "Secret"));
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                secrets.addAll(ofKind(parse(Files.readString(file)), "Secret"));
            }
        }
        assertThat(secrets).isNotEmpty();
        for (JsonNode secret : secrets) {
            secret.path("stringData").fields().forEachRemaining(entry -> assertPlaceholder(secret, entry.getKey(), entry.getValue().asText()));
            secret.path("data").fields().forEachRemaining(entry -> assertPlaceholder(secret, entry.getKey(),
                    new String(Base64.getDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void theGracePeriodOutlastsTheShutdownDelayAndTimeout(String overlay) throws IOException {
        Properties defaults = new Properties();
        try (var in = Files.newInputStream(APPLICATION_PROPERTIES)) {
            defaults.load(in);
        }
        for (JsonNode deployment : ofKind(render(overlay), "Deployment")) {
            JsonNode container = surgelineContainer(deployment);
            Duration delay = duration(envValue(container, "QUARKUS_SHUTDOWN_DELAY", defaults.getProperty("quarkus.shutdown.delay")));
            Duration timeout = duration(envValue(container, "QUARKUS_SHUTDOWN_TIMEOUT", defaults.getProperty("quarkus.shutdown.timeout")));
            assertThat(delay).as("readiness must go down before the pod stops serving").isPositive();
            Duration needed = delay.plus(timeout);
            if (!"false".equals(envValue(container, "SURGELINE_PLANNING_SOLVER_ENABLED", "true"))) {
                needed = needed.plus(PLAN_STORE_TIME);
            }
            long grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
            assertThat(grace).as(name(deployment) + " terminationGracePeriodSeconds").isGreaterThan(needed.toSeconds());
            assertEquals(0, deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1),
                    name(deployment) + ": a rollout must not drop capacity");
            assertEquals("25%", deployment.at("/spec/strategy/rollingUpdate/maxSurge").asText(), name(deployment) + " maxSurge");
            Set<String> spread = new HashSet<>();
            deployment.at("/spec/template/spec/topologySpreadConstraints").forEach(c -> spread.add(c.path("topologyKey").asText()));
            assertThat(spread).as(name(deployment) + " spreads over").contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production", ALL_COMPONENTS})
    void theNetworkPolicyLetsInOnlyTheApiPortAndOutOnlyDnsPostgresqlAndTheIssuer(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode policy = ofKind(docs, "NetworkPolicy").stream().filter(p -> name(p).equals("surgeline")).findFirst().orElseThrow();
        assertThat(policy.at("/spec/policyTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
        for (JsonNode deployment : ofKind(docs, "Deployment")) {
            assertTrue(labels(deployment.at("/spec/template/metadata/labels")).entrySet()
                    .containsAll(labels(policy.at("/spec/podSelector/matchLabels")).entrySet()), name(deployment) + " is not covered");
        }
        Set<String> in = new TreeSet<>();
        policy.at("/spec/ingress").forEach(rule -> rule.path("ports").forEach(p -> {
            in.add(p.path("protocol").asText() + "/" + p.path("port").asText());
            if (p.path("port").asInt() == MANAGEMENT_PORT) {
                // Health and metrics: Prometheus only (the kubelet's probes are not filtered by policies).
                assertThat(rule.path("from")).as("who may reach the management port").hasSize(1);
                assertEquals("monitoring", rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
                assertTrue(rule.at("/from/0/podSelector").isMissingNode() && rule.at("/from/0/ipBlock").isMissingNode());
            }
        }));
        assertEquals(Set.of("TCP/" + SERVICE_PORT, "TCP/" + MANAGEMENT_PORT), in);
        Set<String> out = new TreeSet<>();
        Set<String> dnsPeers = new TreeSet<>();
        policy.at("/spec/egress").forEach(rule -> {
            assertThat(rule.path("ports")).as("an egress rule without ports opens everything").isNotEmpty();
            assertThat(rule.path("to")).as("an egress rule without peers reaches any address").isNotEmpty();
            rule.path("to").forEach(peer -> assertThat(peer.at("/ipBlock/cidr").asText()).as("egress peer")
                    .isNotIn("0.0.0.0/0", "::/0"));
            rule.path("ports").forEach(p -> {
                out.add(p.path("protocol").asText() + "/" + p.path("port").asText());
                if (p.path("port").asInt() == 53) {
                    rule.path("to").forEach(peer -> dnsPeers.add(peer.has("ipBlock") ? peer.at("/ipBlock/cidr").asText()
                            : peer.at("/podSelector/matchLabels/k8s-app").asText()));
                }
            });
        });
        // The demo adds its in-cluster Keycloak (theDemoRunsKeycloakWithTheRealmFile checks the rule's peer).
        assertEquals(overlay.equals("demo") ? Set.of("UDP/53", "TCP/53", "TCP/5432", "TCP/443", "TCP/" + KEYCLOAK_PORT)
                : Set.of("UDP/53", "TCP/53", "TCP/5432", "TCP/443"), out);
        assertEquals(Set.of("kube-dns", "169.254.20.10/32"), dnsPeers, "cluster DNS and NodeLocal DNSCache");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void everyOverlayPullsItsImageFromARegistryByAnImmutableReference(String overlay) {
        for (JsonNode workload : workloads(render(overlay))) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                if (!isSurgeline(container)) {
                    continue;
                }
                String image = container.path("image").asText();
                String where = name(workload) + ": " + image;
                String host = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
                assertTrue(host.contains(".") || host.contains(":"), where + " names no registry (ImagePullBackOff)");
                if (!image.contains("@sha256:")) {
                    String tag = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
                    assertThat(tag).as(where + ": a tag that never moves, or a digest").isNotEmpty()
                            .isNotEqualTo("latest").doesNotEndWith("SNAPSHOT");
                }
                assertThat(container.path("imagePullPolicy").asText()).as(where).isNotEqualTo("Always");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void theConfigurationIsAGeneratedConfigMapSoThatAChangeRollsThePods(String overlay) {
        List<JsonNode> docs = render(overlay);
        Set<String> referenced = new TreeSet<>();
        for (JsonNode workload : workloads(docs)) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                container.path("envFrom").forEach(source -> referenced.add(source.at("/configMapRef/name").asText("")));
            }
        }
        referenced.remove("");
        assertThat(referenced).as("ConfigMaps the workloads read").hasSize(1);
        String name = referenced.iterator().next();
        assertThat(name).as("configMapGenerator's hash-suffixed name").matches("surgeline-[a-z0-9]{10}");
        assertEquals(1, ofKind(docs, "ConfigMap").stream().filter(c -> name(c).equals(name)).count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void migrationsRunOnceInAJobAndThePodsOnlyValidate(String overlay) {
        List<JsonNode> docs = render(overlay);
        List<JsonNode> jobs = ofKind(docs, "Job");
        assertThat(jobs).extracting(KubernetesManifestTest::name).containsExactly("surgeline-migrate");
        JsonNode job = jobs.get(0);
        JsonNode migrate = surgelineContainer(job);
        assertEquals("true", envValue(migrate, "QUARKUS_INIT_AND_EXIT"), "the Job starts, migrates and exits");
        assertEquals("true", envValue(migrate, "QUARKUS_FLYWAY_MIGRATE_AT_START"));
        assertEquals("false", envValue(migrate, "SURGELINE_PLANNING_SOLVER_ENABLED"));
        assertEquals("Never", job.at("/spec/template/spec/restartPolicy").asText());
        assertEquals(1, job.at("/spec/parallelism").asInt(), "one Flyway at a time");
        for (JsonNode deployment : ofKind(docs, "Deployment")) {
            JsonNode container = surgelineContainer(deployment);
            assertEquals("false", envValue(container, "QUARKUS_FLYWAY_MIGRATE_AT_START"), name(deployment) + " migrates at start");
            assertEquals("true", envValue(container, "QUARKUS_FLYWAY_VALIDATE_AT_START"),
                    name(deployment) + " must refuse a schema older than its code");
            assertEquals(container.path("image").asText(), migrate.path("image").asText(), "the Job migrates the release's own image");
            assertEquals(container.path("envFrom").toString(), migrate.path("envFrom").toString(), "same database settings");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production", ALL_COMPONENTS})
    void atFullScaleThePodsStayWithinTheDatabaseConnectionBudget(String overlay) {
        List<JsonNode> docs = render(overlay);
        int total = 0;
        List<String> shares = new ArrayList<>();
        for (JsonNode workload : workloads(docs)) {
            if (workload.path("kind").asText().equals("StatefulSet")) {
                continue; // the demo's PostgreSQL itself
            }
            String pool = envValue(surgelineContainer(workload), "QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            assertThat(pool).as(name(workload) + " sets its pool size from the budget").isNotNull();
            int pods = maxPods(docs, workload);
            total += pods * Integer.parseInt(pool);
            shares.add(name(workload) + " " + pods + " x " + pool);
        }
        assertThat(total).as("connections at full scale, rollout surge included: " + shares).isLessThanOrEqualTo(DB_CONNECTION_BUDGET);
    }

    @Test
    void theComponentsRenderOnProduction() {
        List<JsonNode> docs = render(ALL_COMPONENTS);
        JsonNode hpa = ofKind(docs, "HorizontalPodAutoscaler").get(0);
        Set<String> metrics = new HashSet<>();
        hpa.at("/spec/metrics").forEach(m -> metrics.add(m.path("type").asText() + ":"
                + (m.has("pods") ? m.at("/pods/metric/name").asText() : m.at("/resource/name").asText())));
        assertEquals(Set.of("Resource:cpu", "Pods:http_server_requests_per_second"), metrics, "request-rate component");

        JsonNode planner = deployment(docs, "surgeline-planner");
        assertTrue(planner.at("/spec/replicas").isMissingNode(), "KEDA owns the planner's replica count");
        List<JsonNode> scaled = ofKind(docs, "ScaledObject");
        assertEquals(1, scaled.size());
        JsonNode keda = scaled.get(0);
        assertEquals("surgeline-planner", keda.at("/spec/scaleTargetRef/name").asText());
        assertThat(keda.at("/spec/minReplicaCount").asInt()).as("planners for the scheduled jobs").isGreaterThanOrEqualTo(2);
        assertThat(keda.at("/spec/advanced/horizontalPodAutoscalerConfig/behavior/scaleDown/stabilizationWindowSeconds").asInt())
                .as("scaling in stops a solve early: a long cooldown").isGreaterThanOrEqualTo(900);
        assertEquals("prometheus", keda.at("/spec/triggers/0/type").asText());
        assertThat(keda.at("/spec/triggers/0/metadata/query").asText()).contains("surgeline_plan_runs", "queued");

        List<JsonNode> monitors = ofKind(docs, "PodMonitor");
        assertEquals(1, monitors.size());
        JsonNode monitor = monitors.get(0);
        Map<String, String> selector = labels(monitor.at("/spec/selector/matchLabels"));
        List<String> values = new ArrayList<>();
        monitor.at("/spec/selector/matchExpressions/0/values").forEach(v -> values.add(v.asText()));
        String port = monitor.at("/spec/podMetricsEndpoints/0/port").asText();
        assertEquals("/q/metrics", monitor.at("/spec/podMetricsEndpoints/0/path").asText());
        for (JsonNode deployment : ofKind(docs, "Deployment")) {
            Map<String, String> podLabels = labels(deployment.at("/spec/template/metadata/labels"));
            assertTrue(podLabels.entrySet().containsAll(selector.entrySet())
                    && values.contains(podLabels.get("app.kubernetes.io/component")), "the PodMonitor scrapes " + name(deployment));
            assertEquals(MANAGEMENT_PORT, containerPort(surgelineContainer(deployment), new com.fasterxml.jackson.databind.node.TextNode(port)));
        }
    }

    @Test
    void theAlertsAndTheScalerNameMetricsTheServiceExports() {
        given().auth().preemptive().basic("admin", "admin").get("/api/counties").then().statusCode(200);
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exported = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        List<JsonNode> docs = render(ALL_COMPONENTS);
        Map<String, String> expressions = new HashMap<>();
        for (JsonNode rules : ofKind(docs, "PrometheusRule")) {
            rules.at("/spec/groups").forEach(group -> group.path("rules").forEach(rule ->
                    expressions.put(rule.path("alert").asText(), rule.path("expr").asText())));
        }
        assertThat(expressions.keySet()).containsExactlyInAnyOrder("SurgelineStockBelowFloor", "SurgelinePlannerStalled",
                "SurgelineNightlyPlanMissed", "SurgelinePlannerUnavailable", "SurgelineApiAtMaxReplicas",
                "SurgelineHighErrorRatio", "SurgelinePlanRunsFailing");
        ofKind(docs, "ScaledObject").forEach(keda -> expressions.put("ScaledObject " + name(keda),
                keda.at("/spec/triggers/0/metadata/query").asText()));
        Pattern metricName = Pattern.compile("\\b((?:surgeline|http_server|kube)_[a-z0-9_]+)\\b");
        // Every replica reports the same gauges: a rule must take their max, never their sum.
        Pattern maxBefore = Pattern.compile("max(\\s+by\\s*\\([^)]*\\))?\\s*\\($");
        expressions.forEach((alert, expr) -> {
            Matcher names = metricName.matcher(expr);
            int found = 0;
            while (names.find()) {
                found++;
                String metric = names.group(1);
                if (metric.startsWith("kube_")) {
                    assertThat(KUBE_STATE_METRICS).as(alert + ": a kube-state-metrics series").contains(metric);
                    continue;
                }
                assertThat(exported).as(alert + " names " + metric + ", which /q/metrics does not export").contains(metric);
                if (metric.startsWith("surgeline_") && !metric.endsWith("_total")) {
                    assertThat(maxBefore.matcher(expr.substring(0, names.start())).find())
                            .as(alert + ": the gauge " + metric + " is taken with max()").isTrue();
                }
            }
            assertThat(found).as(alert + " names a metric").isPositive();
            assertThat(expr.chars().filter(c -> c == '(').count()).as(alert + " parentheses")
                    .isEqualTo(expr.chars().filter(c -> c == ')').count());
        });
    }

    /** Pods of a workload at full scale during a rollout: its scaler's maximum (or replicas) plus maxSurge. */
    private static int maxPods(List<JsonNode> docs, JsonNode workload) {
        if (isJob(workload)) {
            return workload.at("/spec/parallelism").asInt(1);
        }
        int replicas = workload.at("/spec/replicas").asInt(1);
        for (JsonNode hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
            if (hpa.at("/spec/scaleTargetRef/name").asText().equals(name(workload))) {
                replicas = hpa.at("/spec/maxReplicas").asInt();
            }
        }
        for (JsonNode keda : ofKind(docs, "ScaledObject")) {
            if (keda.at("/spec/scaleTargetRef/name").asText().equals(name(workload))) {
                replicas = keda.at("/spec/maxReplicaCount").asInt();
            }
        }
        String surge = workload.at("/spec/strategy/rollingUpdate/maxSurge").asText("25%");
        int extra = surge.endsWith("%") ? (int) Math.ceil(replicas * Integer.parseInt(surge.replace("%", "")) / 100.0)
                : Integer.parseInt(surge);
        return replicas + extra;
    }

    /** The demo's Keycloak listens on this port (k8s/keycloak). */
    private static final int KEYCLOAK_PORT = 8080;

    @Test
    void theDemoRunsKeycloakWithTheRealmFileAndTheServiceTrustsIt() throws IOException {
        List<JsonNode> docs = render("demo");
        JsonNode realm = YAML.readTree(Files.readString(K8S.resolve("keycloak/surgeline-realm.json")));
        String realmName = realm.path("realm").asText();
        assertEquals("surgeline", realmName);
        List<String> roles = new ArrayList<>();
        realm.at("/roles/realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("officer", "warehouse", "scheduler", "admin");

        // The realm ConfigMap holds the file as it is, and Keycloak imports it.
        List<JsonNode> realmMaps = ofKind(docs, "ConfigMap").stream().filter(c -> name(c).startsWith("keycloak-realm")).toList();
        assertEquals(1, realmMaps.size());
        assertEquals(Files.readString(K8S.resolve("keycloak/surgeline-realm.json")),
                realmMaps.get(0).at("/data/surgeline-realm.json").asText());
        JsonNode keycloak = ofKind(docs, "StatefulSet").stream().filter(s -> name(s).equals("keycloak")).findFirst()
                .orElseThrow(() -> new AssertionError("the demo runs no Keycloak"));
        assertEquals(1, keycloak.at("/spec/replicas").asInt());
        JsonNode pod = keycloak.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("quay.io/keycloak/keycloak:" + pomProperty("keycloak.version"));
        assertThat(container.path("args")).extracting(JsonNode::asText).contains("start-dev", "--import-realm");
        String realmVolume = null;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.at("/configMap/name").asText().equals(name(realmMaps.get(0)))) {
                realmVolume = volume.path("name").asText();
            }
        }
        assertThat(realmVolume).as("a volume of the realm ConfigMap").isNotNull();
        String mountedAt = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(realmVolume)) {
                mountedAt = mount.path("mountPath").asText();
            }
        }
        assertEquals("/opt/keycloak/data/import", mountedAt);

        // The service asks that Keycloak's realm, through a Service that selects the Keycloak pod.
        JsonNode service = ofKind(docs, "Service").stream().filter(s -> name(s).equals("keycloak")).findFirst().orElseThrow();
        Map<String, String> podLabels = labels(keycloak.at("/spec/template/metadata/labels"));
        assertTrue(podLabels.entrySet().containsAll(labels(service.at("/spec/selector")).entrySet()));
        assertEquals(KEYCLOAK_PORT, containerPort(container, service.at("/spec/ports/0/targetPort")));
        JsonNode settings = ofKind(docs, "ConfigMap").stream().filter(c -> name(c).startsWith("surgeline")).findFirst().orElseThrow();
        assertEquals("http://keycloak:" + service.at("/spec/ports/0/port").asInt() + "/realms/" + realmName,
                settings.at("/data/SURGELINE_OIDC_AUTH_SERVER_URL").asText());
        String clientId = settings.at("/data/SURGELINE_OIDC_CLIENT_ID").asText("surgeline");
        assertThat(realm.path("clients")).extracting(c -> c.path("clientId").asText()).contains(clientId);

        // The service's egress on Keycloak's port goes to the Keycloak pod only.
        JsonNode policy = ofKind(docs, "NetworkPolicy").stream().filter(p -> name(p).equals("surgeline")).findFirst().orElseThrow();
        for (JsonNode rule : policy.at("/spec/egress")) {
            boolean keycloakPort = false;
            for (JsonNode port : rule.path("ports")) {
                keycloakPort |= port.path("port").asInt() == KEYCLOAK_PORT;
            }
            if (keycloakPort) {
                assertEquals(1, rule.path("to").size(), rule.toString());
                assertTrue(podLabels.entrySet().containsAll(labels(rule.at("/to/0/podSelector/matchLabels")).entrySet()), rule.toString());
                assertThat(labels(rule.at("/to/0/podSelector/matchLabels"))).isNotEmpty();
            }
        }
    }

    private static String pomProperty(String property) throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        var matcher = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
        assertTrue(matcher.find(), "pom.xml has no property " + property);
        return matcher.group(1);
    }

    // --- rendering --------------------------------------------------------------------------

    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    private static synchronized List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            try {
                Path directory = o.equals(ALL_COMPONENTS) ? withAllComponents() : K8S.resolve("overlays").resolve(o);
                Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
                assertEquals(0, process.exitValue(), out);
                return parse(out);
            } catch (IOException e) {
                Assumptions.abort("kubectl is not installed: " + e.getMessage());
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Production with every component, as an operator would list them under components:. */
    private static Path withAllComponents() throws IOException {
        // kustomize takes relative paths only: a kustomization under target/ pointing back at k8s/.
        Path directory = Path.of("target", "k8s-render", "all-components");
        Files.createDirectories(directory);
        String up = "../../../";
        Files.writeString(directory.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\nresources:\n  - " + up + "k8s/overlays/production\ncomponents:\n"
                + String.join("", COMPONENTS.stream().map(c -> "  - " + up + "k8s/components/" + c + "\n").toList()));
        return directory;
    }

    private static List<JsonNode> parse(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (doc != null && doc.isObject()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new AssertionError("not YAML: " + e.getMessage(), e);
        }
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static List<JsonNode> workloads(List<JsonNode> docs) {
        return docs.stream().filter(d -> Set.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(d.path("kind").asText())).toList();
    }

    private static boolean isJob(JsonNode workload) {
        return workload.path("kind").asText().equals("Job");
    }

    private static JsonNode deployment(List<JsonNode> docs, String name) {
        return ofKind(docs, "Deployment").stream().filter(d -> name(d).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static String name(JsonNode doc) {
        return doc.at("/metadata/name").asText();
    }

    private static boolean isSurgeline(JsonNode container) {
        String image = container.path("image").asText();
        String repository = image.substring(image.lastIndexOf('/') + 1);
        return repository.equals("surgeline") || repository.startsWith("surgeline:") || repository.startsWith("surgeline@");
    }

    private static JsonNode surgelineContainer(JsonNode workload) {
        for (JsonNode container : workload.at("/spec/template/spec/containers")) {
            if (isSurgeline(container)) {
                return container;
            }
        }
        throw new AssertionError(name(workload) + " runs no Surgeline container");
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port.asText());
    }

    private static Set<String> mountPaths(JsonNode container) {
        Set<String> paths = new HashSet<>();
        container.path("volumeMounts").forEach(m -> paths.add(m.path("mountPath").asText()));
        return paths;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static String envValue(JsonNode container, String variable) {
        return envValue(container, variable, null);
    }

    private static String envValue(JsonNode container, String variable, String otherwise) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                return env.path("value").asText();
            }
        }
        return otherwise;
    }

    /** Every variable a container gets: its env entries and every key of the ConfigMaps and Secrets it takes whole. */
    private static Set<String> environment(List<JsonNode> docs, JsonNode container) {
        Set<String> variables = new TreeSet<>();
        container.path("env").forEach(e -> variables.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
            String ref = source.path(source.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
            JsonNode referenced = ofKind(docs, kind).stream().filter(d -> name(d).equals(ref)).findFirst()
                    .orElseThrow(() -> new AssertionError("envFrom names a missing " + kind + " " + ref));
            referenced.path("data").fieldNames().forEachRemaining(variables::add);
            referenced.path("stringData").fieldNames().forEachRemaining(variables::add);
        }
        return variables;
    }

    private static void assertPlaceholder(JsonNode secret, String key, String value) {
        if (!PLACEHOLDER.matcher(value).matches()) {
            fail("Secret " + name(secret) + " key " + key + " holds a value; only placeholders may be committed");
        }
    }

    private static long cpuMillis(JsonNode quantity) {
        String q = quantity.asText();
        return q.endsWith("m") ? Long.parseLong(q.substring(0, q.length() - 1)) : Math.round(Double.parseDouble(q) * 1000);
    }

    private static long bytes(JsonNode quantity) {
        String q = quantity.asText();
        Map<String, Long> units = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40,
                "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L);
        for (var unit : units.entrySet()) {
            if (q.endsWith(unit.getKey()) && Character.isDigit(q.charAt(q.length() - unit.getKey().length() - 1))) {
                return Long.parseLong(q.substring(0, q.length() - unit.getKey().length())) * unit.getValue();
            }
        }
        return Long.parseLong(q);
    }

    private static Duration duration(String value) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v);
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long amount = Long.parseLong(v.replaceAll("[smh]$", ""));
        return switch (v.charAt(v.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    // --- configuration keys the service reads -------------------------------------------------

    /** SmallRye Config's environment name of a key: every character but letters and digits becomes '_'. */
    static String toEnvironmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * The keys of application.properties (profile prefixes removed), of every {@code @ConfigMapping}
     * interface and every {@code @ConfigProperty} of the service's classes.
     */
    static Set<String> knownConfigKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Properties properties = new Properties();
        try (var in = Files.newInputStream(APPLICATION_PROPERTIES)) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(className, false, KubernetesManifestTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                if (mapping != null) {
                    addMappingKeys(type, mapping.prefix(), keys);
                }
                for (Field field : type.getDeclaredFields()) {
                    ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                    if (property != null) {
                        keys.add(property.name());
                    }
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Annotation[] parameter : method.getParameterAnnotations()) {
                        for (Annotation annotation : parameter) {
                            if (annotation instanceof ConfigProperty property) {
                                keys.add(property.name());
                            }
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static void addMappingKeys(Class<?> mapping, String prefix, Set<String> keys) {
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String key;
            if (method.isAnnotationPresent(WithParentName.class)) {
                key = prefix;
            } else {
                WithName withName = method.getAnnotation(WithName.class);
                key = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            }
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith("org.surgeline.")) {
                addMappingKeys(type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
