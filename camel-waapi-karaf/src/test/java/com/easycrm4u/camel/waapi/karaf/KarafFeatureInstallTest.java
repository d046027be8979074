package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.karaf.userbundle.ErpRoutesActivator;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Apache Karaf distribution, offline, with Camel Karaf's features repository and a stand-in for its repackaged
 * Camel bundles (see src/test/resources/karaf/org.apache.karaf.features.xml): through Karaf's shell,
 * {@code feature:repo-add} of our features.xml as published and {@code feature:install camel-waapi}; every bundle
 * active, {@code bundle:diag} clean; the API key and webhook token in etc/com.easycrm4u.camel.waapi.cfg; a user's
 * bundle with the example's YAML routes dropped into deploy/; the batch's templates reach the WAAPI sandbox in this JVM
 * on 127.0.0.1, its signed webhooks come back through waapi:webhook inside Karaf, a STATUS is answered, an order file
 * is sent. Then {@code feature:uninstall camel-waapi} (no thread of ours left), {@code feature:install camel-waapi}
 * again, and the routes work again. Last, the sandbox feature installs and resolves.
 */
class KarafFeatureInstallTest {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("karaf.distribution", "target/karaf-distribution"));
    private static final Path FEATURES_PROCESSING = Path.of(System.getProperty("karaf.features.processing",
            "target/test-classes/karaf/org.apache.karaf.features.xml"));
    private static final Path FEATURES = Path.of(System.getProperty("waapi.features.xml", "target/feature/features.xml"));
    private static final Path RUNTIME = Path.of(System.getProperty("osgi.runtime.jars", "target/osgi-runtime-jars"));
    private static final Path API_DIR = Path.of(System.getProperty("camel-karaf.api.dir", "target/camel-karaf-api"));
    private static final String CAMEL_KARAF = System.getProperty("camel-karaf.version", "4.14.5");
    private static final String VERSION = System.getProperty("project.version", "1.0.0-SNAPSHOT");
    private static final String GROUP_ID = "com.easycrm4u.waapi";
    private static final String FEATURES_URL = "mvn:" + GROUP_ID + "/camel-waapi-karaf/" + VERSION + "/xml/features";
    private static final String USER_BUNDLE = "erp-to-whatsapp";
    /** the component's pools, and the selector threads of its JDK HTTP clients */
    private static final Pattern OUR_THREADS
            = Pattern.compile(".*(WaapiHttpClient|WaapiWorker|HttpClient-\\d+-SelectorManager).*");
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path work;

    private final List<WaapiSandbox> sandboxes = new ArrayList<>();

    @AfterEach
    void closeSandboxes() {
        sandboxes.forEach(WaapiSandbox::close);
    }

    @Test
    void camelWaapiInstallsInKarafRunsTheExampleAndInstallsAgainAfterAnUninstall() throws Exception {
        Path target = Path.of("target/karaf-it");
        try (KarafInstance karaf = KarafInstance.prepare(DISTRIBUTION, target.resolve("karaf"), offlineRepository(target),
                FEATURES_PROCESSING)) {
            karaf.start();
            karaf.shell("feature:repo-add " + FEATURES_URL);
            List<String> threadsOfKaraf = karaf.threadNames().stream().filter(t -> OUR_THREADS.matcher(t).matches()).toList();

            karaf.shell("feature:install camel-waapi");
            assertThat(karaf.shell("feature:list -i")).contains("camel-waapi ", "camel-core ", "camel-platform-http-vertx ");
            assertEveryBundleActiveAndNoneUnresolved(karaf);
            // the YAML DSL, for the example's routes: a Camel Karaf feature of its own, as docs/karaf.md says
            karaf.shell("feature:install camel-yaml-dsl");

            Files.copy(userBundle(), karaf.deployFolder().resolve(USER_BUNDLE + ".jar"));
            int webhookPort = runExample(karaf, work.resolve("first"));
            assertEveryBundleActiveAndNoneUnresolved(karaf);
            removeConfiguration(karaf, webhookPort);

            karaf.shell("feature:uninstall camel-waapi");
            assertThat(bundles(karaf)).as("camel-waapi's bundle after feature:uninstall")
                    .noneMatch(b -> b.contains("com.easycrm4u.camel.waapi"));
            await().atMost(PATIENCE).untilAsserted(() -> {
                karaf.collectGarbage();
                assertThat(karaf.threadNames()).as("threads of the component in Karaf (Karaf's own before the install: %s)",
                        threadsOfKaraf).filteredOn(t -> OUR_THREADS.matcher(t).matches()).isSubsetOf(threadsOfKaraf);
            });

            karaf.shell("feature:install camel-waapi");
            // the user's bundle lost its wiring to the uninstalled component: it starts again as in any Karaf
            karaf.shell("bundle:start " + USER_BUNDLE);
            assertEveryBundleActiveAndNoneUnresolved(karaf);
            runExample(karaf, work.resolve("again"));

            karaf.shell("feature:install camel-waapi-sandbox");
            assertThat(bundles(karaf)).anyMatch(b -> b.contains("com.easycrm4u.camel.waapi.sandbox"));
            assertEveryBundleActiveAndNoneUnresolved(karaf);
        }
    }

    /**
     * The PIDs of docs/karaf.md for a new sandbox and work folder: the user's bundle (re)starts its Camel context with
     * them; then the example's checks, as for Camel Main, Spring Boot and Quarkus. Returns the webhook's port.
     */
    private int runExample(KarafInstance karaf, Path workDir) throws IOException {
        WaapiSandbox sandbox = ErpExampleChecks.startSandbox();
        sandboxes.add(sandbox);
        int port = WaapiSandbox.freeLoopbackPort();
        sandbox.setWebhookUrl(sandbox.getPrimaryApiKey().getName(), "http://127.0.0.1:" + port + "/waapi/webhook");
        Map<String, String> waapi = new LinkedHashMap<>();
        sandbox.camelProperties().forEach((key, value) -> waapi.put(camelCase(key), value));
        waapi.put("webhookHost", "127.0.0.1");
        waapi.put("webhookPort", String.valueOf(port));

        karaf.writeConfiguration(ErpRoutesActivator.EXAMPLE_PID, Map.of("workDir", workDir.toString()));
        karaf.writeConfiguration(ErpRoutesActivator.WAAPI_PID, waapi);

        ErpExampleChecks.assertBatchReported(workDir, sandbox);
        ErpExampleChecks.assertStatusQuestionAnswered(sandbox);
        ErpExampleChecks.assertInboxOrderSent(workDir, sandbox);
        assertThat(karaf.threadNames()).as("the component's worker pool at work inside Karaf")
                .anyMatch(t -> t.contains("WaapiWorker"));
        return port;
    }

    /** The PID files deleted: ConfigAdmin drops the configuration and the user's bundle stops its context. */
    private static void removeConfiguration(KarafInstance karaf, int webhookPort) throws IOException {
        karaf.deleteConfiguration(ErpRoutesActivator.WAAPI_PID);
        karaf.deleteConfiguration(ErpRoutesActivator.EXAMPLE_PID);
        await().atMost(PATIENCE).until(() -> !listening(webhookPort));
    }

    /** Every bundle Active, but fragments (Resolved, attached to their host); {@code bundle:diag} reports nothing. */
    private static void assertEveryBundleActiveAndNoneUnresolved(KarafInstance karaf) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bundles(karaf)).as("bundle:list -t 0")
                .allSatisfy(b -> assertThat(b).matches(".*\\| Active \\|.*|.*\\| Resolved \\|.*, Hosts: \\d+.*")));
        assertThat(karaf.shell("bundle:diag").strip()).as("bundle:diag").isEmpty();
    }

    /**
     * {@code bundle:list -t 0}, one line per bundle: "id | state | level | version | symbolic name | name" (a
     * fragment's name ends with ", Hosts: " and its host's id).
     */
    private static List<String> bundles(KarafInstance karaf) {
        List<String[]> named = table(karaf.shell("bundle:list -t 0 --no-format"));
        List<String[]> symbolic = table(karaf.shell("bundle:list -t 0 -s --no-format"));
        assertThat(symbolic).hasSameSizeAs(named);
        return IntStream.range(0, named.size()).mapToObj(i -> String.join(" | ", named.get(i)[0], named.get(i)[1],
                named.get(i)[2], named.get(i)[3], symbolic.get(i)[4], named.get(i)[4])).toList();
    }

    private static List<String[]> table(String bundleList) {
        return bundleList.lines().filter(l -> l.matches("\\s*\\d+\\s.*")).map(l -> l.trim().split("\\s*\\t\\s*", 5))
                .toList();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Karaf's only Maven repository: the jars the build fetched (Camel's 4.14 line, Vert.x, Netty, Jackson, Camel
     * Karaf's camel-core-osgi), Camel Karaf's features repositories, and this build's bundles and features.xml.
     */
    private static KarafMavenRepository offlineRepository(Path target) throws IOException {
        KarafMavenRepository repository = new KarafMavenRepository(target.resolve("repository"));
        try (Stream<Path> runtime = Files.list(RUNTIME); Stream<Path> api = Files.list(API_DIR)) {
            Stream.concat(runtime,
                    api.filter(f -> f.getFileName().toString().matches("(camel-core-osgi|jackson-.*)-[\\d.]+\\.jar")))
                    .filter(f -> f.toString().endsWith(".jar")).forEach(repository::addJar);
        }
        repository.add(API_DIR.resolve("apache-camel-features.xml"), "org.apache.camel.karaf", "apache-camel", CAMEL_KARAF,
                "features", "xml");
        repository.add(API_DIR.resolve("apache-camel-spring-features.xml"), "org.apache.camel.karaf", "apache-camel",
                CAMEL_KARAF, "spring-features", "xml");
        repository.add(Bundles.component(), GROUP_ID, "camel-waapi", VERSION, null, "jar");
        repository.add(Bundles.sandbox(), GROUP_ID, "camel-waapi-sandbox", VERSION, null, "jar");
        repository.add(FEATURES, GROUP_ID, "camel-waapi-karaf", VERSION, "features", "xml");
        return repository;
    }

    /**
     * A user's bundle as docs/karaf.md describes it: the example's jar (YAML routes, beans, order batch) unchanged, and
     * an activator that runs the routes in a Camel context of the bundle, configured from ConfigAdmin.
     */
    private Path userBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", USER_BUNDLE);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", ErpRoutesActivator.class.getName());
        main.putValue("Import-Package", String.join(",", "com.easycrm4u.camel.waapi", "com.easycrm4u.camel.waapi.webhook.model",
                "com.fasterxml.jackson.databind", "org.apache.camel", "org.apache.camel.component.platform.http.vertx",
                "org.apache.camel.karaf.core", "org.apache.camel.spi", "org.apache.camel.support", "org.osgi.framework",
                "org.osgi.service.cm", "org.slf4j"));
        Path jar = work.resolve(USER_BUNDLE + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             JarFile example = new JarFile(Bundles.exampleRoutes().toFile())) {
            for (JarEntry entry : example.stream().filter(e -> !e.getName().startsWith("META-INF/")).toList()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream content = example.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
            String activator = ErpRoutesActivator.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(activator));
            try (InputStream content = ErpRoutesActivator.class.getClassLoader().getResourceAsStream(activator)) {
                content.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }

    private static String camelCase(String property) {
        String option = property.substring("camel.component.waapi.".length());
        StringBuilder camelCase = new StringBuilder();
        for (String part : option.split("-")) {
            camelCase.append(camelCase.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camelCase.toString();
    }
}
