package com.easycrm4u.camel.waapi.sandbox;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
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
 *     &#64;RegisterExtension
 *     WaapiSandboxExtension waapi = new WaapiSandboxExtension().withWebhooks();
 *     ...
 * }
 * }</pre>
 *
 * As an instance field the sandbox is fresh for every test; as a {@code static} field it lives for the whole class
 * (call {@code getSandbox().reset()} between tests when that matters). How the component is pointed at it:
 * <ul>
 * <li>{@code CamelTestSupport} (camel-test-junit5): automatically, when the test's context is created.</li>
 * <li>{@code @CamelMainTest} (camel-test-main-junit5): from a {@code @Configure} method,
 * {@code configuration.addConfiguration(waapi.camelConfiguration())}; a test without it fails, rather than call the API
 * the application is configured for.</li>
 * <li>Any other {@link CamelContext}: {@link #configure(CamelContext)} before its routes are added.</li>
 * </ul>
 * With {@link #withWebhooks()} the sandbox delivers the key's webhooks to the test's {@code waapi:webhook}, on a port
 * it serves in that context. A test method may also take a {@link WaapiSandbox} parameter.
 */
public final class WaapiSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        ExecutionCondition {

    private static final String CAMEL_MAIN_TEST = "org.apache.camel.test.main.junit5.CamelMainTest";
    private static final String CONFIGURE = "org.apache.camel.test.main.junit5.Configure";
    private static final String MISSING_HOOK
            = "The WAAPI sandbox is not wired into this @CamelMainTest's context, so its waapi endpoints would call the "
              + "configured API. Add: @Configure void configure(MainConfigurationProperties c) { "
              + "c.addConfiguration(<extension field>.camelConfiguration()); }";

    private final WaapiSandboxBuilder builder;
    private WaapiSandbox sandbox;
    private boolean classScoped;
    private boolean webhooks;
    private int webhookPort;
    private String webhookPath = WaapiSandbox.DEFAULT_WEBHOOK_PATH;
    private WebhookCallback webhookCallback;
    private volatile boolean pointedAtAContext;

    /** A sandbox with the defaults of {@link WaapiSandbox#builder()}. */
    public WaapiSandboxExtension() {
        this(WaapiSandbox.builder());
    }

    /** A sandbox built by this builder (its port is ignored: the extension always picks a free one). */
    public WaapiSandboxExtension(WaapiSandboxBuilder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /**
     * Delivers the first key's webhooks to the test's {@code waapi:webhook} on
     * {@value WaapiSandbox#DEFAULT_WEBHOOK_PATH} and a free loopback port, which the extension serves in the context it
     * points at the sandbox: a Vert.x platform-http server in a {@code CamelTestSupport} or plain context, Camel Main's
     * HTTP server moved to that port (whatever {@code camel.server.port} says); camel-platform-http-main (or
     * camel-platform-http-vertx) must be on the test classpath.
     */
    public WaapiSandboxExtension withWebhooks() {
        return withWebhooks(0, WaapiSandbox.DEFAULT_WEBHOOK_PATH);
    }

    /** {@link #withWebhooks()} on this port (0: a free one) and path. */
    public synchronized WaapiSandboxExtension withWebhooks(int port, String path) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        this.webhooks = true;
        this.webhookPort = port;
        this.webhookPath = Objects.requireNonNull(path, "path");
        return this;
    }

    /**
     * Serves the sandbox console too (see {@link WaapiSandboxBuilder#console(boolean)}), e.g. to look at a test while
     * it stops at a breakpoint; its address is logged and {@link WaapiSandbox#getConsoleUrl()}. Off unless asked.
     */
    public synchronized WaapiSandboxExtension withConsole() {
        builder.console(true);
        return this;
    }

    /** The running sandbox; started on first use, so {@code @Configure} methods can reach it before each test. */
    public synchronized WaapiSandbox getSandbox() {
        if (sandbox == null) {
            sandbox = builder.port(0).build().start();
            if (webhooks) {
                int port = webhookPort > 0 ? webhookPort : sandbox.deliverWebhooksToFreePort().port();
                webhookCallback = sandbox.deliverWebhooksTo(port, webhookPath);
            }
        }
        return sandbox;
    }

    /** Where the sandbox delivers webhooks, with {@link #withWebhooks()}; else empty. */
    public synchronized Optional<WebhookCallback> getWebhookCallback() {
        getSandbox();
        return Optional.ofNullable(webhookCallback);
    }

    /**
     * Points the {@code waapi} component of this context at the sandbox (see {@link WaapiSandbox#configure}) and, with
     * {@link #withWebhooks()}, serves its webhooks in it.
     */
    public void configure(CamelContext context) {
        WaapiSandbox running = getSandbox();
        running.configure(context);
        getWebhookCallback().ifPresent(callback -> running.receiveWebhooksIn(context, callback.port(), callback.path()));
        pointedAtAContext = true;
    }

    /**
     * For {@code @CamelMainTest}: {@code configuration.addConfiguration(waapi.camelConfiguration())}. With
     * {@link #withWebhooks()} it also serves the webhooks at the callback's port: Camel Main's HTTP server moves there
     * (whatever {@code camel.server.port} says), or one is added when {@code camel.server.enabled} is not set.
     */
    public CamelConfiguration camelConfiguration() {
        return new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) {
                WaapiSandbox running = getSandbox();
                running.configureOverridingProperties(context);
                getWebhookCallback().ifPresent(callback -> running.receiveWebhooksIn(context, callback.port(),
                        callback.path()));
                pointedAtAContext = true;
            }
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped = true;
        getSandbox();
    }

    /**
     * Runs before {@code @CamelMainTest} builds its context, so a test without any {@code @Configure} method fails with
     * what to add rather than with an error of the application's configuration (such as an unresolved
     * {@code {{env:WAAPI_API_KEY}}}).
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() && context.getTestInstances().isPresent()) {
            List<Object> instances = context.getTestInstances().get().getAllInstances();
            if (instances.stream().anyMatch(WaapiSandboxExtension::isCamelMainTest)
                    && instances.stream().noneMatch(WaapiSandboxExtension::hasConfigureMethod)) {
                throw new ExtensionConfigurationException(MISSING_HOOK);
            }
        }
        return ConditionEvaluationResult.enabled("the WAAPI sandbox has nothing against it");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        getSandbox();
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        if (Classpath.CAMEL_TEST_JUNIT5) {
            for (Object instance : instances) {
                CamelTestSupportBinding.bind(instance, this);
            }
        }
        // a @CamelMainTest context exists already; without the hook it would talk to the configured (real) API
        if (!pointedAtAContext && instances.stream().anyMatch(WaapiSandboxExtension::isCamelMainTest)) {
            throw new ExtensionConfigurationException(MISSING_HOOK);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // @CamelMainTest failed to build its context before the hook could run: say what the hook is for
        if (!pointedAtAContext && context.getExecutionException().isPresent()
                && context.getRequiredTestInstances().getAllInstances().stream()
                        .anyMatch(WaapiSandboxExtension::isCamelMainTest)) {
            context.getExecutionException().get().addSuppressed(new ExtensionConfigurationException(
                    "The @CamelMainTest's context failed before the WAAPI sandbox was wired in. If it failed on "
                                                                                                    + "camel.component.waapi.* (e.g. {{env:WAAPI_API_KEY}}), check that a @Configure method calls "
                                                                                                    + "configuration.addConfiguration(<extension field>.camelConfiguration()): its values replace "
                                                                                                    + "the application's"));
        }
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
            webhookCallback = null;
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

    private static boolean isCamelMainTest(Object testInstance) {
        return hasAnnotation(testInstance.getClass().getAnnotations(), CAMEL_MAIN_TEST);
    }

    private static boolean hasConfigureMethod(Object testInstance) {
        for (Class<?> type = testInstance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (hasAnnotation(method.getAnnotations(), CONFIGURE)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasAnnotation(Annotation[] annotations, String name) {
        for (Annotation annotation : annotations) {
            if (name.equals(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }
}
