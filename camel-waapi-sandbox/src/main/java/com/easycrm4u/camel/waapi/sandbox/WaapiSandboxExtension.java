package com.easycrm4u.camel.waapi.sandbox;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Objects;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link WaapiSandbox} on a random loopback port and points the test's {@code waapi}
 * component at it.
 *
 * <pre>{@code
 * class MyRouteTest extends CamelTestSupport {
 *     @RegisterExtension
 *     WaapiSandboxExtension waapi = new WaapiSandboxExtension();
 *     ...
 * }
 * }</pre>
 *
 * As an instance field the sandbox is fresh for every test; as a {@code static} field it lives for the whole class
 * (call {@code getSandbox().reset()} between tests when that matters). How the component is pointed at it:
 * <ul>
 * <li>{@code CamelTestSupport} (camel-test-junit5): automatically, when the test's context is created.</li>
 * <li>{@code @CamelMainTest} (camel-test-main-junit5): from a {@code @Configure} method,
 * {@code configuration.addConfiguration(waapi.camelConfiguration())}; a test without it fails, rather than call the
 * API the application is configured for.</li>
 * <li>Any other {@link CamelContext}: {@link #configure(CamelContext)} before its routes are added.</li>
 * </ul>
 * A test method may also take a {@link WaapiSandbox} parameter.
 */
public final class WaapiSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final String CAMEL_MAIN_TEST = "org.apache.camel.test.main.junit5.CamelMainTest";

    private final WaapiSandbox.Builder builder;
    private WaapiSandbox sandbox;
    private boolean classScoped;
    private volatile boolean pointedAtAContext;

    /** A sandbox with the defaults of {@link WaapiSandbox#builder()}. */
    public WaapiSandboxExtension() {
        this(WaapiSandbox.builder());
    }

    /** A sandbox built by this builder (its port is ignored: the extension always picks a free one). */
    public WaapiSandboxExtension(WaapiSandbox.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** The running sandbox; started on first use, so {@code @Configure} methods can reach it before each test. */
    public synchronized WaapiSandbox getSandbox() {
        if (sandbox == null) {
            sandbox = builder.port(0).build().start();
        }
        return sandbox;
    }

    /** Points the {@code waapi} component of this context at the sandbox (see {@link WaapiSandbox#configure}). */
    public void configure(CamelContext context) {
        getSandbox().configure(context);
        pointedAtAContext = true;
    }

    /** For {@code @CamelMainTest}: {@code configuration.addConfiguration(waapi.camelConfiguration())}. */
    public CamelConfiguration camelConfiguration() {
        return new CamelConfiguration() {
            @Override
            public void configure(CamelContext camelContext) {
                getSandbox().configureOverridingProperties(camelContext);
                pointedAtAContext = true;
            }
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped = true;
        getSandbox();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        getSandbox();
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        if (CamelTestSupportBinding.AVAILABLE) {
            for (Object instance : instances) {
                CamelTestSupportBinding.bind(instance, this);
            }
        }
        // a @CamelMainTest context exists already; without the hook it would talk to the configured (real) API
        if (!pointedAtAContext && instances.stream().anyMatch(WaapiSandboxExtension::isCamelMainTest)) {
            throw new ExtensionConfigurationException("The WAAPI sandbox is not wired into this @CamelMainTest's context, "
                                                      + "so its waapi endpoints would call the configured API. Add: "
                                                      + "@Configure void configure(MainConfigurationProperties c) { "
                                                      + "c.addConfiguration(<extension field>.camelConfiguration()); }");
        }
    }

    private static boolean isCamelMainTest(Object testInstance) {
        for (Annotation annotation : testInstance.getClass().getAnnotations()) {
            if (CAMEL_MAIN_TEST.equals(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScoped) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private synchronized void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == WaapiSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return getSandbox();
    }
}
