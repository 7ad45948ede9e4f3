package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What can be checked of the container deployment and the configuration fragments without Docker: every file
 * a Dockerfile copies and every folder a compose file mounts exists (in the repository or as the Maven output
 * the build leaves), the jar names follow the poms, the compose files parse and refer to what they declare,
 * every mailet and matcher the configuration names is a class James can load, and the library alignment the
 * image build runs does what it says on a James layout.
 */
class DeploymentFilesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKER = REPO.resolve("deploy/docker");
    private static final List<String> COMPOSE_FILES = List.of("compose.memory.yaml", "compose.durable.yaml", "compose.distributed.yaml");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?]([^}]*))?}");
    private static final Pattern JAMES_ENV = Pattern.compile("\\$\\{env:([A-Z0-9_]+)}");

    // ---- Dockerfiles -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "Dockerfile.durable", "Dockerfile.portal", "Dockerfile.console", "james39/Dockerfile"})
    void everyFileADockerfileCopiesIsInTheRepositoryOrBuiltByMaven(String dockerfile) throws Exception {
        List<String> sources = copySources(DOCKER.resolve(dockerfile));

        assertThat(sources).isNotEmpty();
        // This module's own jar and libraries are packaged after its tests run: their names are checked against
        // the deploy pom instead (theDurableImageRunsTheEmbeddedGatewayOnTheMountedConfigurationAsItIs).
        assertThat(sources).filteredOn(source -> !source.startsWith("deploy/target/"))
                .allSatisfy(source -> assertThat(REPO.resolve(source))
                .as("%s copies %s (run `mvn package` first for build outputs)", dockerfile, source).exists());
    }

    @Test
    void theGatewayImageTakesThePluginFromWhereTheMailetPomPutsIt() throws Exception {
        Document pom = xml(REPO.resolve("mailet/pom.xml"));
        String jarFolder = text(pom, "outputDirectory", "${project.build.directory}/extensions-jars");
        String version = text(xml(REPO.resolve("pom.xml")), "version", null);

        assertThat(copySources(DOCKER.resolve("Dockerfile"))).contains(
                "mailet/target/" + jarFolder.substring("${project.build.directory}/".length()) + "/");
        assertThat(REPO.resolve("mailet/target/extensions-jars/outward-mailet-" + version + ".jar")).exists();
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("FROM apache/james:${JAMES_FLAVOUR}-${JAMES_VERSION}")
                .contains("ARG JAMES_VERSION=3.8.1").contains("FROM eclipse-temurin:17-jre");
    }

    /**
     * The James 3.9 flavour is the memory one with another gateway image: apache/james 3.9 with the plugin the
     * plugin-james39 module makes (never the 3.8 jar), and the memory flavour's configuration as it is.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theJames39FlavourIsTheMemoryOneWithTheJames39PluginOnTheJames39Image() throws Exception {
        Map<String, Object> services = (Map<String, Object>) yaml(DOCKER.resolve("compose.james39.yaml")).get("services");
        String artifact = directChild(xml(REPO.resolve("plugin-james39/pom.xml")).getDocumentElement(), "artifactId");
        String version = text(xml(REPO.resolve("pom.xml")), "version", null);
        String james39 = text(xml(REPO.resolve("pom.xml")), "james39.version", null);

        assertThat(services).containsOnlyKeys("gateway");
        Map<String, Object> gateway = (Map<String, Object>) services.get("gateway");
        assertThat(gateway).containsOnlyKeys("build", "image");
        Map<String, Object> build = (Map<String, Object>) gateway.get("build");
        assertThat(DOCKER.resolve((String) build.get("context")).normalize()).isEqualTo(REPO);
        assertThat(REPO.resolve((String) build.get("dockerfile"))).isEqualTo(DOCKER.resolve("james39/Dockerfile"));
        assertThat(Files.readString(DOCKER.resolve("james39/Dockerfile")))
                .contains("ARG JAMES_VERSION=" + james39, "FROM apache/james:memory-${JAMES_VERSION}");
        assertThat(copySources(DOCKER.resolve("james39/Dockerfile")))
                .contains("plugin-james39/target/extensions-jars/").noneMatch(source -> source.startsWith("mailet/"));
        assertThat(REPO.resolve("plugin-james39/target/extensions-jars/" + artifact + "-" + version + ".jar")).exists();
    }

    /**
     * NotifySender and Wrap read the built-in notice templates from the class path when no templates folder is
     * configured (as in every shipped configuration): the folder an admin copies into James carries them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mailet/target/extensions-jars", "plugin-james39/target/extensions-jars"})
    void thePluginFolderCarriesTheBuiltInNoticeTemplates(String folder) throws Exception {
        List<String> holding = new ArrayList<>();
        try (Stream<Path> jars = Files.list(REPO.resolve(folder))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                    if (file.getEntry("org/outward/policies/notices/layout.html.mustache") != null) {
                        holding.add(jar.getFileName().toString());
                    }
                }
            }
        }

        assertThat(holding).as(folder).hasSize(1);
    }

    /** The durable image runs the embedded gateway: the deploy jar and the libraries the deploy pom copies. */
    @Test
    void theDurableImageRunsTheEmbeddedGatewayOnTheMountedConfigurationAsItIs() throws Exception {
        String artifact = directChild(xml(REPO.resolve("deploy/pom.xml")).getDocumentElement(), "artifactId");
        String version = text(xml(REPO.resolve("pom.xml")), "version", null);
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.durable"));
        text(xml(REPO.resolve("deploy/pom.xml")), "outputDirectory", "${project.build.directory}/gateway-lib");

        assertThat(copySources(DOCKER.resolve("Dockerfile.durable")))
                .contains("deploy/target/" + artifact + "-" + version + ".jar", "deploy/target/gateway-lib/");
        assertThat(dockerfile).contains("\"org.outward.deploy.GatewayCommand\", \"run\"",
                "\"--config\", \"/etc/outward/conf\", \"--outbound-as-configured\", \"--work\", \"/var/lib/outward\"",
                "\"--smtp-port\", \"25\"", "\"--webadmin-port\", \"8000\"", "\"--portal-submission-port\", \"2526\"",
                "/opt/outward-gateway/resources:");
        assertThat(Files.readString(DOCKER.resolve("compose.durable.yaml")))
                .contains("- outward-mail:/var/lib/outward/var")
                .contains(":/opt/outward-gateway/resources/dkim:ro");
    }

    /** The portal's and the console's images run the jar their module's pom builds, beside its libraries. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"Dockerfile.portal, portal, org.outward.portal.PortalMain",
            "Dockerfile.console, console, org.outward.console.ConsoleMain"})
    void theImageRunsTheJarItsModulesPomBuilds(String dockerfile, String module, String main) throws Exception {
        String artifact = directChild(xml(REPO.resolve(module + "/pom.xml")).getDocumentElement(), "artifactId");
        String version = text(xml(REPO.resolve("pom.xml")), "version", null);
        List<String> sources = copySources(DOCKER.resolve(dockerfile));

        assertThat(sources).contains(module + "/target/" + artifact + "-" + version + ".jar",
                module + "/target/" + module + "-lib/");
        assertThat(Files.readString(DOCKER.resolve(dockerfile))).contains(main);
        assertThat(Class.forName(main)).isNotNull();
    }

    // ---- compose files -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"compose.memory.yaml", "compose.durable.yaml", "compose.distributed.yaml"})
    @SuppressWarnings("unchecked")
    void composeFileParsesAndEverythingItNamesExists(String file) throws Exception {
        Map<String, Object> compose = yaml(DOCKER.resolve(file));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Set<String> volumes = ((Map<String, Object>) compose.getOrDefault("volumes", Map.of())).keySet();
        Set<String> networks = ((Map<String, Object>) compose.getOrDefault("networks", Map.of())).keySet();

        assertThat(services).containsKeys("gateway", "portal", "proxy", "console");
        services.forEach((name, value) -> {
            Map<String, Object> service = (Map<String, Object>) value;
            assertThat(service).as(name).containsKey("image");
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = DOCKER.resolve((String) build.get("context")).normalize();
                assertThat(context).as(name + " build context").isEqualTo(REPO);
                assertThat(context.resolve((String) build.get("dockerfile"))).as(name + " dockerfile").exists();
            }
            for (Object mount : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = withDefaults((String) mount).split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertThat(DOCKER.resolve(source)).as(name + " mounts " + mount).exists();
                } else {
                    assertThat(volumes).as(name + " mounts the named volume " + source).contains(source);
                }
            }
            Object serviceNetworks = service.getOrDefault("networks", List.of());
            Iterable<String> used = serviceNetworks instanceof Map<?, ?> m ? (Set<String>) m.keySet()
                    : (List<String>) serviceNetworks;
            used.forEach(network -> assertThat(networks).as(name + " joins " + network).contains(network));
            Object dependsOn = service.getOrDefault("depends_on", List.of());
            Iterable<String> needed = dependsOn instanceof Map<?, ?> m ? (Set<String>) m.keySet() : (List<String>) dependsOn;
            needed.forEach(other -> assertThat(services).as(name + " depends on " + other).containsKey(other));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.memory.yaml", "compose.durable.yaml", "compose.distributed.yaml"})
    @SuppressWarnings("unchecked")
    void theGatewayGetsEveryConfigurationFileItNeedsAndEveryVariableTheyExpand(String file) throws Exception {
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) yaml(DOCKER.resolve(file))
                .get("services")).get("gateway");
        Map<String, Object> environment = (Map<String, Object>) gateway.get("environment");
        List<String> mounts = (List<String>) gateway.get("volumes");
        Set<String> confTargets = new TreeSet<>();
        for (String mount : mounts) {
            String[] parts = withDefaults(mount).split(":");
            String confFolder = parts[1].startsWith("/etc/outward/conf/") ? "/etc/outward/conf/" : "/root/conf/";
            if (parts[1].startsWith(confFolder)) {
                String target = parts[1].substring(confFolder.length());
                confTargets.add(target);
                Path source = DOCKER.resolve(parts[0]);
                assertThat(source.getFileName().toString()).as(mount).isEqualTo(target);
                Matcher used = JAMES_ENV.matcher(Files.readString(source));
                while (used.find()) {
                    assertThat(environment).as(source + " expands ${env:" + used.group(1) + "}").containsKey(used.group(1));
                }
            }
        }
        assertThat(confTargets).contains("mailetcontainer.xml", "smtpserver.xml", "webadmin.properties", "logback.xml",
                "imapserver.xml", "pop3server.xml", "lmtpserver.xml", "managesieveserver.xml", "jmap.properties");
        assertThat(mounts).anyMatch(m -> m.contains(":/etc/outward/policies:ro"))
                .anyMatch(m -> m.contains(":/etc/outward/tls:ro"))
                .anyMatch(m -> m.equals("outward-state:/var/lib/outward/state"))
                .anyMatch(m -> m.equals("outward-vault:/var/lib/outward/vault"))
                .anyMatch(m -> m.equals("outward-submission:/var/lib/outward/submission"));
        assertThat(REPO.resolve("policies").resolve(withDefaults("${OUTWARD_POLICY_FILE:-default-policy.yaml}"))).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.memory.yaml", "compose.durable.yaml", "compose.distributed.yaml"})
    @SuppressWarnings("unchecked")
    void thePortalGetsTheVaultAndTheSubmissionKeyOnlyAndSubmitsOnItsOwnListener(String file) throws Exception {
        Map<String, Object> portal = (Map<String, Object>) ((Map<String, Object>) yaml(DOCKER.resolve(file))
                .get("services")).get("portal");
        List<String> mounts = (List<String>) portal.get("volumes");
        assertThat(mounts).as("the vault, and the submission key read-only; never the gateway's state")
                .containsExactlyInAnyOrder("outward-vault:/var/lib/outward/vault",
                        "outward-submission:/var/lib/outward/submission:ro");
        List<String> command = (List<String>) portal.get("command");
        assertThat(command).contains("--submission-key=/var/lib/outward/submission/portal-submission.key",
                "--smtp=gateway:2526").noneMatch(a -> a.contains("installation"));
        String smtp = Files.readString(DOCKER.resolve("conf/common/smtpserver.xml"));
        assertThat(smtp).contains("<bind>172.30.27.5:2526</bind>")
                .contains("<keyFile>/var/lib/outward/submission/portal-submission.key</keyFile>");
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) yaml(DOCKER.resolve(file))
                .get("services")).get("gateway");
        assertThat((List<String>) gateway.get("ports")).as("the portal's listener is not published")
                .noneMatch(p -> p.contains("2526"));
        Map<String, Object> services = (Map<String, Object>) yaml(DOCKER.resolve(file)).get("services");
        Set<String> portalNetworks = ((Map<String, Object>) portal.get("networks")).keySet();
        services.forEach((name, service) -> {
            if (!name.equals("portal") && !name.equals("gateway") && !name.equals("proxy")) {
                Object joined = ((Map<String, Object>) service).getOrDefault("networks", List.of());
                Iterable<String> networks = joined instanceof Map<?, ?> m ? (Set<String>) m.keySet() : (List<String>) joined;
                networks.forEach(network -> assertThat(portalNetworks).as("the portal shares no network with " + name)
                        .doesNotContain(network));
            }
        });
        Map<String, Object> declared = (Map<String, Object>) yaml(DOCKER.resolve(file)).get("networks");
        Set<String> shared = new TreeSet<>(portalNetworks);
        shared.retainAll(((Map<String, Object>) gateway.get("networks")).keySet());
        assertThat(shared).as("the portal meets the gateway on one network").hasSize(1);
        assertThat((Map<String, Object>) declared.get(shared.iterator().next())).as("and it leads nowhere else")
                .containsEntry("internal", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "Dockerfile.durable", "Dockerfile.portal", "Dockerfile.console", "james39/Dockerfile"})
    void bothImagesRunAsTheSameUnprivilegedUser(String file) throws IOException {
        List<String> users = Files.readAllLines(DOCKER.resolve(file)).stream().map(String::strip)
                .filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).as(file + ": its last USER is the one it runs as").isNotEmpty();
        assertThat(users.get(users.size() - 1)).isEqualTo("USER 10001:10001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.memory.yaml", "compose.durable.yaml", "compose.distributed.yaml"})
    @SuppressWarnings("unchecked")
    void theUnprivilegedGatewayMayStillListenOnPort25(String file) throws Exception {
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) yaml(DOCKER.resolve(file))
                .get("services")).get("gateway");
        assertThat((Map<String, Object>) gateway.get("sysctls"))
                .containsEntry("net.ipv4.ip_unprivileged_port_start", 25);
    }

    /**
     * The admin console is on the management side only: its port published on the host's loopback and nowhere else,
     * one network, shared with the gateway (for WebAdmin) and with neither the portal nor the proxy; it reaches
     * WebAdmin by the gateway's name with a token, appends to the gateway's audit file in the logs volume and keeps
     * its users in a volume of its own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"compose.memory.yaml", "compose.durable.yaml", "compose.distributed.yaml"})
    @SuppressWarnings("unchecked")
    void theConsoleIsOnTheManagementSideOnlyWithItsUsersAndTheGatewaysAuditFile(String file) throws Exception {
        Map<String, Object> services = (Map<String, Object>) yaml(DOCKER.resolve(file)).get("services");
        Map<String, Object> console = (Map<String, Object>) services.get("console");
        Set<String> networks = ((Map<String, Object>) console.get("networks")).keySet();

        assertThat((List<String>) console.get("ports")).containsExactly("127.0.0.1:8090:8090");
        assertThat(Files.readString(DOCKER.resolve("Dockerfile.console")))
                .contains("\"--users\", \"/var/lib/outward/console/users\"", "\"--bind\", \"0.0.0.0\", \"--port\", \"8090\"");
        assertThat(networks).hasSize(1);
        assertThat(((Map<String, Object>) ((Map<String, Object>) services.get("gateway")).get("networks")).keySet())
                .containsAll(networks);
        for (String other : List.of("portal", "proxy")) {
            assertThat(((Map<String, Object>) ((Map<String, Object>) services.get(other)).get("networks")).keySet())
                    .as(other).doesNotContainAnyElementsOf(networks);
        }
        assertThat((List<String>) console.get("command")).contains("--webadmin=http://gateway:8000",
                "--webadmin-token=/run/secrets/outward-console-webadmin-token", "--audit=/logs/outward-audit.jsonl",
                "--vault=local:/var/lib/outward/vault").noneMatch(argument -> argument.startsWith("--bind"));
        assertThat((List<String>) console.get("secrets")).containsExactly("outward-console-webadmin-token");
        assertThat((List<String>) console.get("volumes")).containsExactlyInAnyOrder(
                "outward-console:/var/lib/outward/console", "outward-logs:/logs", "outward-vault:/var/lib/outward/vault");
        assertThat((List<String>) ((Map<String, Object>) services.get("gateway")).get("volumes"))
                .as("the audit file the console appends to is the gateway's").contains("outward-logs:/logs");
        assertThat(Files.readString(DOCKER.resolve("conf/common/logback.xml"))).contains("/logs/outward-audit.jsonl");
    }

    /**
     * The health checks call the endpoints GatewayHealthTest, the portal's PortalOperationsTest and ConsoleHealthTest
     * exercise over HTTP: James's /healthcheck with Outward's check registered, the portal's /healthz on its
     * operations port and the console's /healthz on its own port; the images have the curl they run.
     */
    @ParameterizedTest
    @ValueSource(strings = {"compose.memory.yaml", "compose.durable.yaml", "compose.distributed.yaml"})
    @SuppressWarnings("unchecked")
    void theHealthChecksAskJamesThePortalAndTheConsoleThemselves(String file) throws Exception {
        Map<String, Object> services = (Map<String, Object>) yaml(DOCKER.resolve(file)).get("services");
        Map<String, Object> gateway = (Map<String, Object>) services.get("gateway");
        Map<String, Object> portal = (Map<String, Object>) services.get("portal");
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) gateway.get("healthcheck")).get("test")))
                .contains("curl -fsS -o /dev/null http://127.0.0.1:8000/healthcheck");
        assertThat((List<String>) gateway.get("volumes")).anyMatch(mount -> mount.matches(
                "\\./conf/common/healthcheck\\.properties:(/root|/etc/outward)/conf/healthcheck\\.properties:ro"));
        assertThat(Files.readString(DOCKER.resolve("conf/common/healthcheck.properties")))
                .contains("additional.healthchecks=org.outward.james.health.MailStorageCheck");
        assertThat((List<String>) portal.get("command")).contains("--operations=0.0.0.0:9090");
        assertThat((List<String>) ((Map<String, Object>) portal.get("healthcheck")).get("test"))
                .containsSubsequence("curl", "http://127.0.0.1:9090/healthz");
        Map<String, Object> console = (Map<String, Object>) services.get("console");
        assertThat((List<String>) ((Map<String, Object>) console.get("healthcheck")).get("test"))
                .containsSubsequence("curl", "http://127.0.0.1:8090/healthz");
        assertThat(Files.readString(DOCKER.resolve("Dockerfile.console"))).contains("\"--port\", \"8090\"");
        for (String dockerfile : List.of("Dockerfile", "Dockerfile.durable", "Dockerfile.portal", "Dockerfile.console",
                "james39/Dockerfile")) {
            assertThat(Files.readString(DOCKER.resolve(dockerfile))).as(dockerfile)
                    .contains("apt-get install -y --no-install-recommends curl");
        }
    }

    // ---- James configuration -----------------------------------------------------------------------------

    static Stream<Path> jamesXml() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(REPO.resolve("deploy/conf"), DOCKER.resolve("conf"), REPO.resolve("deploy/existing-james"))) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> p.toString().endsWith(".xml")).forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("jamesXml")
    void configurationParsesAndEveryMailetAndMatcherItNamesIsAClass(Path file) throws Exception {
        Document doc = xml(file);
        Set<String> named = new TreeSet<>();
        NodeList matchers = doc.getElementsByTagName("matcher");
        for (int i = 0; i < matchers.getLength(); i++) {
            Element matcher = (Element) matchers.item(i);
            if (matcher.hasAttribute("name")) {
                named.add(matcher.getAttribute("name"));
            }
            assertThat(matcherClass(matcher.getAttribute("match"))).as(file + ": " + matcher.getAttribute("match")).isNotNull();
        }
        NodeList mailets = doc.getElementsByTagName("mailet");
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            assertThat(load(mailet.getAttribute("class"), "org.apache.james.transport.mailets."))
                    .as(file + ": mailet " + mailet.getAttribute("class")).isNotNull();
            String match = mailet.getAttribute("match");
            if (!named.contains(match)) {
                assertThat(matcherClass(match)).as(file + ": matcher " + match).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "durable", "distributed"})
    void theContainersRunTheSameOutwardProcessorsAsTheFragmentForAnExistingServer(String flavour) throws Exception {
        Map<String, List<String>> fragment = outwardProcessors(xml(REPO.resolve("deploy/existing-james/outward-processors.xml")));
        Map<String, List<String>> container = outwardProcessors(xml(DOCKER.resolve("conf/" + flavour + "/mailetcontainer.xml")));

        assertThat(fragment).containsOnlyKeys("outward", "outward-blocked", "outward-wrap", "outward-quarantine",
                "outward-released", "outward-deleted");
        // The one difference: an existing server leaves through its "relay" processor, the container through "outbound".
        assertThat(container).containsAllEntriesOf(fragment.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().map(s -> s.replace("relay", "outbound")).toList())));
        assertThat(Files.readString(DOCKER.resolve("conf/" + flavour + "/mailetcontainer.xml")))
                .doesNotContain(Map.of("memory", List.of("cassandra://", "file://"), "durable",
                        List.of("memory://", "cassandra://"), "distributed", List.of("memory://", "file://"))
                        .get(flavour).toArray(String[]::new));
    }

    /**
     * Held mail an admin deleted ends in every configuration the same way: DeleteHeld first (it tells the sender
     * if the policy says so and ghosts the mail), then Null, and no mailet that could send it anywhere; the
     * DeleteHeld of every configuration reads a policy (the launcher sets it in deploy/conf).
     */
    @ParameterizedTest
    @ValueSource(strings = {"deploy/conf/mailetcontainer.xml", "deploy/docker/conf/memory/mailetcontainer.xml",
            "deploy/docker/conf/durable/mailetcontainer.xml", "deploy/docker/conf/distributed/mailetcontainer.xml",
            "deploy/existing-james/outward-processors.xml"})
    void deletedMailEndsInEveryConfigurationAndIsSentNowhere(String file) throws Exception {
        Document doc = xml(REPO.resolve(file));

        assertThat(processors(doc, "outward-deleted"::equals)).containsExactly(Map.entry("outward-deleted",
                List.of("All -> org.outward.james.DeleteHeld", "All -> Null")));
        NodeList mailets = doc.getElementsByTagName("mailet");
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            if ("org.outward.james.DeleteHeld".equals(mailet.getAttribute("class")) && !file.startsWith("deploy/conf/")) {
                assertThat(mailet.getElementsByTagName("policy").item(0).getTextContent()).as(file).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"durable", "distributed"})
    void everyContainerFlavourRunsTheSameProcessorsWithTheSameMailetsAsTheMemoryOne(String flavour) throws Exception {
        // The flavours differ in where mail is kept (repository URLs), never in what is done to it: a processor
        // added to one flavour only (a delay notice, a release path) is a gateway that behaves differently.
        assertThat(processors(xml(DOCKER.resolve("conf/" + flavour + "/mailetcontainer.xml")), state -> true))
                .isEqualTo(processors(xml(DOCKER.resolve("conf/memory/mailetcontainer.xml")), state -> true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/conf/webadmin.properties", "deploy/docker/conf/common/webadmin.properties"})
    void webAdminServesPrometheusMetrics(String file) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(REPO.resolve(file))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("extensions.routes")).isEqualTo("org.apache.james.webadmin.dropwizard.MetricsRoutes");
        assertThat(Class.forName(properties.getProperty("extensions.routes"))).isNotNull();
    }

    @Test
    void theAuditLoggerHasAFileOfItsOwnWithBareJsonLines() throws Exception {
        Document logback = xml(DOCKER.resolve("conf/common/logback.xml"));
        NodeList loggers = logback.getElementsByTagName("logger");
        Element audit = null;
        for (int i = 0; i < loggers.getLength(); i++) {
            if ("org.outward.audit".equals(((Element) loggers.item(i)).getAttribute("name"))) {
                audit = (Element) loggers.item(i);
            }
        }
        assertThat(audit).isNotNull();
        assertThat(audit.getAttribute("additivity")).isEqualTo("false");
        String appender = ((Element) audit.getElementsByTagName("appender-ref").item(0)).getAttribute("ref");
        NodeList appenders = logback.getElementsByTagName("appender");
        for (int i = 0; i < appenders.getLength(); i++) {
            Element element = (Element) appenders.item(i);
            if (element.getAttribute("name").equals(appender)) {
                assertThat(element.getElementsByTagName("pattern").item(0).getTextContent()).isEqualTo("%msg%n");
                assertThat(element.getElementsByTagName("file").item(0).getTextContent()).startsWith("/logs/");
                return;
            }
        }
        throw new AssertionError("no appender " + appender);
    }

    // ---- the image build's library alignment ------------------------------------------------------------

    @Test
    void alignLibsKeepsOneCopyOfEachLibraryTheNewerOneAndPutsTheRestInExtensionsJars(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("root");
        Path libs = Files.createDirectories(root.resolve("libs"));
        List<String> james = List.of("commons-lang3-3.12.0.jar", "jackson-databind-2.14.1.jar",
                "bcprov-jdk15on-1.70.jar", "bcpkix-jdk15on-1.70.jar", "commons-io-2.22.0.jar", "guava-31.1-jre.jar",
                "slf4j-api-2.0.6.jar", "commons-compress-1.99.0.jar");
        StringBuilder classpath = new StringBuilder("/resources:/classes");
        for (String jar : james) {
            Files.createFile(libs.resolve(jar));
            classpath.append(':').append(libs.resolve(jar));
        }
        Files.writeString(root.resolve("jib-classpath-file"), classpath);
        Path plugin = Files.createDirectories(temp.resolve("plugin"));
        try (Stream<Path> built = Files.list(REPO.resolve("mailet/target/extensions-jars"))) {
            for (Path jar : built.toList()) {
                Files.createFile(plugin.resolve(jar.getFileName()));
            }
        }

        assertThat(alignLibs(root, plugin)).isZero();

        Set<String> inLibs = names(libs);
        Set<String> inExtensions = names(root.resolve("extensions-jars"));
        String finalClasspath = Files.readString(root.resolve("jib-classpath-file"));
        assertThat(inLibs).contains("commons-lang3-3.18.0.jar", "bcprov-jdk18on-1.85.jar", "bcpkix-jdk18on-1.85.jar",
                "jackson-databind-2.14.1.jar", "commons-io-2.22.0.jar", "commons-compress-1.99.0.jar")
                .doesNotContain("commons-lang3-3.12.0.jar", "bcprov-jdk15on-1.70.jar", "commons-compress-1.28.0.jar");
        assertThat(finalClasspath).contains(libs.resolve("commons-lang3-3.18.0.jar").toString(),
                libs.resolve("bcprov-jdk18on-1.85.jar").toString()).doesNotContain("jdk15on", "commons-lang3-3.12.0");
        assertThat(inExtensions).contains("tika-core-3.3.1.jar", "snakeyaml-engine-2.10.jar")
                .anyMatch(name -> name.startsWith("outward-mailet-"))
                .doesNotContain("jackson-databind-2.14.1.jar", "slf4j-api-2.0.6.jar", "commons-lang3-3.18.0.jar",
                        "bcprov-jdk18on-1.85.jar", "commons-compress-1.28.0.jar");
        assertThat(inExtensions).as("no library twice").noneMatch(inLibs::contains);
    }

    @Test
    void alignLibsFailsTheImageBuildWhenTheClassPathNamesAJarThatIsNotThere(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("root");
        Files.createDirectories(root.resolve("libs"));
        Files.writeString(root.resolve("jib-classpath-file"), "/resources:" + root.resolve("libs/gone-1.0.jar"));
        Path plugin = Files.createDirectories(temp.resolve("plugin"));
        Files.createFile(plugin.resolve("tika-core-3.3.1.jar"));

        assertThat(alignLibs(root, plugin)).isNotZero();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** Runs docker/align-libs.sh as the image build does; its exit code. */
    private static int alignLibs(Path root, Path plugin) throws Exception {
        Process run = new ProcessBuilder("sh", DOCKER.resolve("align-libs.sh").toString(), root.toString(), plugin.toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return run.exitValue();
    }

    /** The sources of the COPY lines that copy from the build context (not from another stage). */
    private static List<String> copySources(Path dockerfile) throws IOException {
        List<String> sources = new ArrayList<>();
        for (String line : Files.readAllLines(dockerfile)) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("COPY") && !words[1].startsWith("--from")) {
                sources.addAll(List.of(words).subList(1, words.length - 1));
            }
        }
        return sources;
    }

    /** A compose value with ${VAR:-default} replaced by its default (the value a fresh checkout runs with). */
    private static String withDefaults(String value) {
        return COMPOSE_VARIABLE.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().setLabel(file.toString()).build())
                .loadFromString(Files.readString(file));
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document doc, String tag, String fallback) {
        if (tag.equals("version")) {
            return directChild(doc.getDocumentElement(), "version");
        }
        NodeList nodes = doc.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? fallback : nodes.item(0).getTextContent().trim();
    }

    private static String directChild(Element element, String tag) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + tag + "> under <" + element.getTagName() + ">");
    }

    /** Processor state to its mailets as "match -> class", for the processors whose state starts with outward. */
    private static Map<String, List<String>> outwardProcessors(Document doc) {
        return processors(doc, state -> state.startsWith("outward"));
    }

    /** Each processor whose state passes the filter, with its mailets as "match -> class [target processor]". */
    private static Map<String, List<String>> processors(Document doc, java.util.function.Predicate<String> states) {
        Map<String, List<String>> processors = new java.util.TreeMap<>();
        NodeList all = doc.getElementsByTagName("processor");
        for (int i = 0; i < all.getLength(); i++) {
            Element processor = (Element) all.item(i);
            if (!processor.hasAttribute("state") || !states.test(processor.getAttribute("state"))) {
                continue;
            }
            List<String> mailets = new ArrayList<>();
            NodeList children = processor.getElementsByTagName("mailet");
            for (int j = 0; j < children.getLength(); j++) {
                Element mailet = (Element) children.item(j);
                NodeList target = mailet.getElementsByTagName("processor");
                mailets.add(mailet.getAttribute("match") + " -> " + mailet.getAttribute("class")
                        + (target.getLength() > 0 ? " " + target.item(0).getTextContent().trim() : ""));
            }
            processors.put(processor.getAttribute("state"), mailets);
        }
        return processors;
    }

    private static Class<?> matcherClass(String match) {
        String name = match.contains("=") ? match.substring(0, match.indexOf('=')) : match;
        return load(name, "org.apache.james.transport.matchers.");
    }

    /** The class James would load for a mailet or matcher name: a full class name, or one of James's own. */
    private static Class<?> load(String name, String jamesPackage) {
        try {
            return Class.forName(name.contains(".") ? name : jamesPackage + name, false,
                    DeploymentFilesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
