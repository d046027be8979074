package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example's YAML routes, unchanged, with camel-waapi as a bundle in Apache Felix 7 (the OSGi framework of Apache
 * Karaf 4.4), on Camel Karaf's component resolver (camel-core-osgi 4.14.5) and the Camel 4.14 line's jars as bundles,
 * the webhook hosted on platform-http with Vert.x: the batch's templates reach the WAAPI sandbox (outside the
 * framework, on 127.0.0.1), its signed status webhooks come back through waapi:webhook, a customer's STATUS is answered,
 * an order file is sent. Then the component bundle is uninstalled (no thread of ours left) and installed again, and
 * the routes work again.
 */
class OsgiFrameworkTest {

    private static final Path RUNTIME = Path.of(System.getProperty("osgi.runtime.jars", "target/osgi-runtime-jars"));
    private static final Path API_DIR = Path.of(System.getProperty("camel-karaf.api.dir", "target/camel-karaf-api"));
    private static final String EXAMPLE_BUNDLE = "camel-waapi-example-erp-routes";
    private static final String YAML_ROUTES = "classpath:routes/erp-to-whatsapp.yaml";
    private static final String OUR_THREADS = "WaapiHttpClient";
    private static final String JDK_HTTP_CLIENT_THREADS = "HttpClient-\\d+-SelectorManager";

    @TempDir
    Path work;

    private final List<WaapiSandbox> sandboxes = new ArrayList<>();
    /** the JDK HTTP clients' threads that are not the component's: the sandbox's, the checks' */
    private final Set<String> clientThreadsOutsideTheFramework = new HashSet<>();
    private Framework framework;

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
        sandboxes.forEach(WaapiSandbox::close);
    }

    @Test
    void exampleRoutesRunOnCamelKarafsResolverAndRunAgainAfterTheComponentIsReinstalled() throws Exception {
        framework = startFramework();
        BundleContext system = framework.getBundleContext();
        installAndStartAll(system);

        assertThat(system.getBundles()).as("every bundle active, none unresolved")
                .allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
        Bundle component = bundle(system, "com.easycrm4u.camel.waapi");
        assertThat(camelWire(component).getCapability().getAttributes().get("version").toString())
                .as("org.apache.camel wired to the Camel 4.14 line").startsWith("4.14.");
        assertThat(resolverOfWaapi(system)).as("camel-core-osgi registered a ComponentResolver for waapi").isNotNull();

        runExample(system, work.resolve("first"));

        component.uninstall();
        refresh(framework);
        assertThat(resolverOfWaapi(system)).as("the resolver of an uninstalled bundle").isNull();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertThat(threadNames(OUR_THREADS)).as("threads of the component's HTTP pool").isEmpty();
            assertThat(threadNames(JDK_HTTP_CLIENT_THREADS)).as("the selector threads of the component's HTTP clients")
                    .isSubsetOf(clientThreadsOutsideTheFramework);
        });

        install(system, Bundles.component()).start();
        for (Bundle bundle : system.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
        }
        runExample(system, work.resolve("again"));
        assertSandboxBundleServesInsideTheFramework(system);
    }

    /**
     * What a user's bundle does with Blueprint: a Camel context of camel-core-osgi on the bundle, its beans and
     * properties, the waapi component configured outside the routes, the Vert.x HTTP server for the webhook, and the
     * bundle's YAML routes; then ErpExampleChecks, as for Camel Main, Spring Boot and Quarkus.
     */
    private void runExample(BundleContext system, Path workDir) throws Exception {
        WaapiSandbox sandbox = ErpExampleChecks.startSandbox();
        sandboxes.add(sandbox);
        clientThreadsOutsideTheFramework.addAll(threadNames(JDK_HTTP_CLIENT_THREADS));
        int port = ErpExampleChecks.freeLoopbackPort();
        sandbox.setWebhookUrl(sandbox.getPrimaryApiKey().getName(), "http://127.0.0.1:" + port + "/waapi/webhook");

        Bundle example = bundle(system, EXAMPLE_BUNDLE);
        Class<?> camelContext = bundle(system, "camel-api").loadClass("org.apache.camel.CamelContext");
        Object camel = bundle(system, "camel-core-osgi").loadClass("org.apache.camel.karaf.core.OsgiDefaultCamelContext")
                .getConstructor(BundleContext.class).newInstance(example.getBundleContext());
        try {
            Object registry = Reflect.call(camel, "getRegistry");
            Class<?>[] bind = { String.class, Object.class };
            String erp = "com.easycrm4u.camel.waapi.examples.erp.";
            Reflect.call(registry, "bind", bind, "orderBook", example.loadClass(erp + "OrderBook").getConstructor().newInstance());
            Reflect.call(registry, "bind", bind, "deadLetters",
                    example.loadClass(erp + "DeadLetters").getConstructor().newInstance());
            Reflect.call(registry, "bind", bind, "deliveryReport", example.loadClass(erp + "DeliveryReport")
                    .getConstructor(Path.class).newInstance(workDir.resolve("delivery-report.json")));
            Properties properties = new Properties();
            properties.setProperty("example.inbox", workDir.resolve("inbox").toString());
            properties.setProperty("example.dead-letter", workDir.resolve("dead-letter").toString());
            Reflect.call(Reflect.call(camel, "getPropertiesComponent"), "setInitialProperties",
                    new Class<?>[] { Properties.class }, properties);

            configureWaapi(system, camel, camelContext, sandbox);
            Reflect.call(camel, "addService", new Class<?>[] { Object.class }, webhookServer(system, port));
            loadRoutes(system, camel, camelContext, YAML_ROUTES);
            Reflect.call(camel, "start");

            ErpExampleChecks.assertBatchReported(workDir, sandbox);
            ErpExampleChecks.assertStatusQuestionAnswered(sandbox);
            ErpExampleChecks.assertInboxOrderSent(workDir, sandbox);
            assertThat(threadNames(OUR_THREADS)).as("the component's HTTP pool at work").isNotEmpty();
        } finally {
            Reflect.call(camel, "stop");
        }
    }

    /**
     * The waapi component as Camel Karaf's resolver gives it (from our bundle, with its generated configurer), set up
     * with the sandbox's settings the way a PID's properties would be: outside the routes.
     */
    private static void configureWaapi(BundleContext system, Object camel, Class<?> camelContext, WaapiSandbox sandbox)
            throws Exception {
        Object waapi = Reflect.call(camel, "getComponent", new Class<?>[] { String.class }, "waapi");
        assertThat(waapi.getClass().getClassLoader()).as("the component of our bundle")
                .isSameAs(bundle(system, "com.easycrm4u.camel.waapi").adapt(BundleWiring.class).getClassLoader());
        Class<?> plugins = bundle(system, "camel-support").loadClass("org.apache.camel.support.PluginHelper");
        Object configurer = Reflect.call(plugins.getMethod("getConfigurerResolver", camelContext).invoke(null, camel),
                "resolvePropertyConfigurer", new Class<?>[] { String.class, camelContext }, "waapi-component", camel);
        assertThat(configurer).as("the generated configurer, not reflection").isNotNull()
                .extracting(c -> c.getClass().getSimpleName()).isEqualTo("WaapiComponentConfigurer");

        Map<String, Object> options = new HashMap<>();
        sandbox.camelProperties().forEach((key, value) -> options.put(camelCase(key), value));
        options.put("path", "/waapi/webhook");
        Class<?> binding = bundle(system, "camel-support").loadClass("org.apache.camel.support.PropertyBindingSupport");
        Object builder = binding.getMethod("build").invoke(null);
        builder = Reflect.call(builder, "withCamelContext", new Class<?>[] { camelContext }, camel);
        builder = Reflect.call(builder, "withTarget", new Class<?>[] { Object.class }, waapi);
        builder = Reflect.call(builder, "withConfigurer",
                new Class<?>[] { bundle(system, "camel-api").loadClass("org.apache.camel.spi.PropertyConfigurer") }, configurer);
        builder = Reflect.call(builder, "withProperties", new Class<?>[] { Map.class }, options);
        assertThat(Reflect.call(builder, "bind")).isEqualTo(true);
        assertThat(options).as("options the component did not take").isEmpty();
    }

    /** platform-http's Vert.x server on 127.0.0.1, as the Blueprint bean of docs/karaf.md starts it. */
    private static Object webhookServer(BundleContext system, int port) throws Exception {
        Bundle vertx = bundle(system, "camel-platform-http-vertx");
        String pkg = "org.apache.camel.component.platform.http.vertx.";
        Class<?> configurationType = vertx.loadClass(pkg + "VertxPlatformHttpServerConfiguration");
        Object configuration = configurationType.getConstructor().newInstance();
        Reflect.call(configuration, "setBindHost", new Class<?>[] { String.class }, "127.0.0.1");
        Reflect.call(configuration, "setBindPort", new Class<?>[] { int.class }, port);
        return vertx.loadClass(pkg + "VertxPlatformHttpServer").getConstructor(configurationType).newInstance(configuration);
    }

    /** The YAML route file of the context's bundle, through Camel's routes loader (camel-yaml-dsl). */
    private static void loadRoutes(BundleContext system, Object camel, Class<?> camelContext, String location)
            throws Exception {
        Bundle support = bundle(system, "camel-support");
        Object loader = support.loadClass("org.apache.camel.support.PluginHelper").getMethod("getRoutesLoader", camelContext)
                .invoke(null, camel);
        Object resource = support.loadClass("org.apache.camel.support.ResourceHelper")
                .getMethod("resolveMandatoryResource", camelContext, String.class).invoke(null, camel, location);
        Object resources = Array.newInstance(bundle(system, "camel-api").loadClass("org.apache.camel.spi.Resource"), 1);
        Array.set(resources, 0, resource);
        Reflect.call(loader, "loadRoutes", new Class<?>[] { resources.getClass() }, resources);
    }

    /** The sandbox bundle starts a sandbox inside the framework: its HTTP server comes by boot delegation of com.sun.*. */
    private static void assertSandboxBundleServesInsideTheFramework(BundleContext system) throws Exception {
        Bundle sandboxBundle = bundle(system, "com.easycrm4u.camel.waapi.sandbox");
        Object inside = Reflect.call(Reflect.call(
                sandboxBundle.loadClass(WaapiSandbox.class.getName()).getMethod("builder").invoke(null), "build"), "start");
        try {
            assertThat(Reflect.call(inside, "getBaseUrl").toString()).startsWith("http://127.0.0.1:");
        } finally {
            Reflect.call(inside, "close");
        }
    }

    private static void installAndStartAll(BundleContext system) throws IOException, BundleException {
        List<Path> runtime;
        try (Stream<Path> files = Files.list(RUNTIME)) {
            runtime = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        List<Path> plain = new ArrayList<>(runtime.stream().filter(j -> !PlainJarBundles.isBundle(j)).toList());
        plain.add(Bundles.exampleRoutes());
        List<Path> jars = new ArrayList<>(runtime.stream().filter(PlainJarBundles::isBundle).toList());
        jars.addAll(PlainJarBundles.write(plain, Path.of("target/osgi-runtime/bundles")));
        jars.addAll(List.of(jar(API_DIR, "camel-core-osgi-"), jar(API_DIR, "jackson-annotations-"), jar(API_DIR, "jackson-core-"),
                jar(API_DIR, "jackson-databind-"), Bundles.component(), Bundles.sandbox()));
        List<Bundle> bundles = jars.stream().map(jar -> install(system, jar)).toList();
        for (Bundle bundle : bundles) {
            bundle.start();
        }
    }

    private static Framework startFramework() throws BundleException, IOException {
        Path storage = Files.createDirectories(Path.of("target/osgi-runtime/felix-cache"));
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", storage.toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        // as in Karaf's etc/config.properties: the JDK's com.sun.* (the sandbox's HTTP server) by boot delegation
        config.put("org.osgi.framework.bootdelegation", "com.sun.*");
        // SLF4J from this JVM, as Karaf's pax-logging provides it to bundles
        config.put("org.osgi.framework.system.packages.extra",
                "org.slf4j;version=2.0.17,org.slf4j.event;version=2.0.17,org.slf4j.helpers;version=2.0.17,org.slf4j.spi;version=2.0.17");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.start();
        return framework;
    }

    private static Bundle install(BundleContext system, Path jar) {
        try {
            return system.installBundle(jar.toUri().toString());
        } catch (BundleException e) {
            throw new IllegalStateException("cannot install " + jar, e);
        }
    }

    private static void refresh(Framework framework) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertThat(refreshed.await(30, TimeUnit.SECONDS)).as("bundles refreshed").isTrue();
    }

    /** All references: the system bundle's own class space (this test's classpath) has another Camel. */
    private static ServiceReference<?> resolverOfWaapi(BundleContext system) throws Exception {
        ServiceReference<?>[] references
                = system.getAllServiceReferences("org.apache.camel.spi.ComponentResolver", "(component=waapi)");
        return references == null ? null : references[0];
    }

    private static BundleWire camelWire(Bundle bundle) {
        return bundle.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .filter(w -> "org.apache.camel".equals(w.getCapability().getAttributes().get("osgi.wiring.package")))
                .findFirst().orElseThrow();
    }

    private static Bundle bundle(BundleContext system, String symbolicName) {
        return Stream.of(system.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    private static Set<String> threadNames(String namePattern) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains(namePattern) || name.matches(namePattern)).collect(Collectors.toSet());
    }

    private static String camelCase(String property) {
        String option = property.substring("camel.component.waapi.".length());
        StringBuilder camelCase = new StringBuilder();
        for (String part : option.split("-")) {
            camelCase.append(camelCase.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camelCase.toString();
    }

    private static Path jar(Path directory, String prefix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
