package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.sandbox.SentMessage;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * camel-waapi and the sandbox as bundles in Apache Felix 7 (the framework of Apache Karaf 4.4), on Camel Karaf's
 * component resolver (camel-core-osgi 4.14.5) and Camel 4.14.5's core: they resolve, the waapi component and its
 * generated configurers are found through the resolver, a template goes to the WAAPI sandbox (running outside the
 * framework, on 127.0.0.1), and after the bundle is uninstalled no thread of ours is left; reinstalled, it sends
 * again, this time to a sandbox started from the sandbox bundle inside the framework.
 */
class OsgiFrameworkTest {

    private static final Path API_DIR = Path.of(System.getProperty("camel-karaf.api.dir", "target/camel-karaf-api"));
    private static final String CAMEL_KARAF = System.getProperty("camel-karaf.version", "4.14.5");
    private static final String TEMPLATE_URI = "waapi:cloud/template?templateName=order_shipped&language=en";
    private static final String CUSTOMER = "+919812345678";
    private static final String OUR_THREADS = "WaapiHttpClient";
    private static final String JDK_HTTP_CLIENT_THREADS = "HttpClient-\\d+-SelectorManager";

    private WaapiSandbox sandbox;
    private Framework framework;

    @BeforeEach
    void startSandbox() {
        sandbox = WaapiSandbox.builder().build().start();
    }

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
        sandbox.close();
    }

    @Test
    void bundlesResolveOnCamelKarafsCoreAndSendThroughTheSandboxBeforeAndAfterAReinstall() throws Exception {
        long jdkClientThreadsBefore = threads(JDK_HTTP_CLIENT_THREADS);
        framework = startFramework();
        BundleContext system = framework.getBundleContext();
        List<Path> camelCore = CamelCoreBundles.write(camelJars(), CAMEL_KARAF, Path.of("target/osgi-runtime/camel"));
        List<Bundle> platform = Stream.concat(camelCore.stream(), Stream.of(jar("camel-core-osgi-"),
                jar("jackson-annotations-"), jar("jackson-core-"), jar("jackson-databind-")))
                .map(path -> install(system, path)).toList();
        Bundle component = install(system, Bundles.component());
        Bundle sandboxBundle = install(system, Bundles.sandbox());
        for (Bundle bundle : platform) {
            bundle.start();
        }
        component.start();
        sandboxBundle.start();

        assertThat(system.getBundles()).as("every bundle active, none unresolved")
                .allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
        assertThat(camelWire(component).getCapability().getAttributes().get("version"))
                .as("org.apache.camel wired to Camel " + CAMEL_KARAF).hasToString(CAMEL_KARAF);
        assertThat(resolverOfWaapi(system)).as("camel-core-osgi registered a ComponentResolver for waapi").isNotNull();

        sendOrderShipped(system, component, sandbox.camelProperties());
        assertThat(sandbox.getSentMessages()).singleElement()
                .satisfies(m -> assertThat(m.getType()).isEqualTo("template"))
                .satisfies(m -> assertThat(m.getTo()).isEqualTo(CUSTOMER.substring(1)));

        component.uninstall();
        refresh(framework);
        assertThat(resolverOfWaapi(system)).as("the resolver of an uninstalled bundle").isNull();
        assertThat(sandboxBundle.getState()).as("the sandbox bundle waits for the component").isEqualTo(Bundle.INSTALLED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertThat(threads(OUR_THREADS)).as("threads of the component's HTTP pool").isZero();
            assertThat(threads(JDK_HTTP_CLIENT_THREADS)).as("the HTTP clients' selector threads")
                    .isEqualTo(jdkClientThreadsBefore);
        });

        component = install(system, Bundles.component());
        component.start();
        sandboxBundle.start();
        assertThat(sandboxBundle.getState()).isEqualTo(Bundle.ACTIVE);
        // this time the sandbox of the bundle, inside the framework (its HTTP server by boot delegation of com.sun.*)
        Object inside = Reflect.call(Reflect.call(
                sandboxBundle.loadClass(WaapiSandbox.class.getName()).getMethod("builder").invoke(null), "build"), "start");
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> properties = (Map<String, String>) Reflect.call(inside, "camelProperties");
            sendOrderShipped(system, component, properties);
            assertThat((List<?>) Reflect.call(inside, "getSentMessages")).hasSize(1);
        } finally {
            Reflect.call(inside, "close");
        }
        assertThat(sandbox.getSentMessages()).extracting(SentMessage::getType).containsExactly("template");
    }

    /**
     * A Camel context of camel-core-osgi sends one order_shipped template to the sandbox whose camel.component.waapi.*
     * settings are given, then stops.
     */
    private static void sendOrderShipped(BundleContext system, Bundle component, Map<String, String> sandboxSettings)
            throws Exception {
        Bundle camelCoreOsgi = bundle(system, "camel-core-osgi");
        Class<?> contextType = camelCoreOsgi.loadClass("org.apache.camel.karaf.core.OsgiDefaultCamelContext");
        // a bundle's context inside the framework, as Blueprint would give: the system bundle's class space is this
        // test's classpath, whose Camel is not the framework's, so its service lookups would not match
        Object camel = contextType.getConstructor(BundleContext.class).newInstance(camelCoreOsgi.getBundleContext());
        Reflect.call(camel, "start");
        try {
            Object waapi = Reflect.call(camel, "getComponent", new Class<?>[] { String.class }, "waapi");
            assertThat(waapi.getClass().getClassLoader()).as("the component of our bundle")
                    .isSameAs(component.adapt(BundleWiring.class).getClassLoader());
            Class<?> camelContext = bundle(system, "camel-api").loadClass("org.apache.camel.CamelContext");
            Class<?> plugins = bundle(system, "camel-support").loadClass("org.apache.camel.support.PluginHelper");
            Object configurers = plugins.getMethod("getConfigurerResolver", camelContext).invoke(null, camel);
            Object configurer = Reflect.call(configurers, "resolvePropertyConfigurer",
                    new Class<?>[] { String.class, camelContext }, "waapi-component", camel);
            assertThat(configurer).as("the generated configurer, not reflection").isNotNull()
                    .extracting(c -> c.getClass().getSimpleName()).isEqualTo("WaapiComponentConfigurer");

            // the sandbox's settings bound through the generated configurer, as Camel Main binds camel.component.waapi.*
            Class<?> binding = bundle(system, "camel-support").loadClass("org.apache.camel.support.PropertyBindingSupport");
            Class<?> propertyConfigurer = bundle(system, "camel-api").loadClass("org.apache.camel.spi.PropertyConfigurer");
            Map<String, Object> options = new HashMap<>();
            sandboxSettings.forEach((key, value) -> options.put(camelCase(key), value));
            Object builder = binding.getMethod("build").invoke(null);
            builder = Reflect.call(builder, "withCamelContext", new Class<?>[] { camelContext }, camel);
            builder = Reflect.call(builder, "withTarget", new Class<?>[] { Object.class }, waapi);
            builder = Reflect.call(builder, "withConfigurer", new Class<?>[] { propertyConfigurer }, configurer);
            builder = Reflect.call(builder, "withProperties", new Class<?>[] { Map.class }, options);
            assertThat(Reflect.call(builder, "bind")).isEqualTo(true);
            assertThat(options).as("options the component did not take").isEmpty();

            Object template = Reflect.call(camel, "createProducerTemplate");
            Object answer = Reflect.call(template, "requestBodyAndHeader",
                    new Class<?>[] { String.class, Object.class, String.class, Object.class },
                    TEMPLATE_URI, List.of("Asha", "AWB-1001"), "CamelWaapiTo", CUSTOMER);
            assertThat(answer).as("the send's answer").isNotNull();
            assertThat(threads(OUR_THREADS)).as("the component's HTTP pool at work").isPositive();
        } finally {
            Reflect.call(camel, "stop");
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
        return Stream.of(system.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElseThrow();
    }

    private static long threads(String namePattern) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().contains(namePattern) || t.getName().matches(namePattern)))
                .count();
    }

    private static String camelCase(String property) {
        String option = property.substring("camel.component.waapi.".length());
        StringBuilder camelCase = new StringBuilder();
        for (String part : option.split("-")) {
            camelCase.append(camelCase.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camelCase.toString();
    }

    private static List<Path> camelJars() throws IOException {
        try (Stream<Path> files = Files.list(API_DIR)) {
            return files.filter(f -> f.getFileName().toString().startsWith("camel-") && f.toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().startsWith("camel-core-osgi")).sorted().toList();
        }
    }

    private static Path jar(String prefix) {
        try (Stream<Path> files = Files.list(API_DIR)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
