package com.easycrm4u.camel.waapi.sandbox;

import java.lang.reflect.Proxy;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the extension closes its sandbox: an instance field's after each test, a static field's after the class. The
 * callbacks are called as JUnit calls them, with a context of a test that passed.
 */
class ExtensionLifecycleTest {

    /** The context JUnit gives the callbacks after a test that passed; the extension asks nothing else of it. */
    private static final ExtensionContext PASSED = (ExtensionContext) Proxy.newProxyInstance(
            ExtensionContext.class.getClassLoader(), new Class<?>[] { ExtensionContext.class }, (proxy, method, args) -> {
                if (method.getName().equals("getExecutionException")) {
                    return Optional.empty();
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void anInstanceFieldsSandboxIsClosedAfterEachTestAndTheNextTestGetsAFreshOne() {
        WaapiSandboxExtension extension = new WaapiSandboxExtension().withWebhooks();
        WaapiSandbox first = extension.getSandbox();
        assertThat(first.isStarted()).isTrue();
        assertThat(extension.getWebhookCallback()).isPresent();

        extension.afterEach(PASSED);

        assertThat(first.isStarted()).isFalse();
        WaapiSandbox second = extension.getSandbox();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isStarted()).isTrue();
        extension.afterEach(PASSED);
        assertThat(second.isStarted()).isFalse();
    }

    @Test
    void webhooksAreServedOnAPortOfTheTcpRangeOrAFreeOne() {
        for (int port : new int[] { -1, 65536 }) {
            assertThatThrownBy(() -> new WaapiSandboxExtension().withWebhooks(port, "/hooks"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not a port: " + port);
        }
        WaapiSandboxExtension extension = new WaapiSandboxExtension().withWebhooks(65535, "/hooks");
        try {
            assertThat(extension.getWebhookCallback()).hasValueSatisfying(
                    callback -> assertThat(callback.url()).hasToString("http://127.0.0.1:65535/hooks"));
        } finally {
            extension.afterEach(PASSED);
        }
        WaapiSandboxExtension free = new WaapiSandboxExtension().withWebhooks(0, "/hooks");
        try {
            assertThat(free.getWebhookCallback()).hasValueSatisfying(callback -> assertThat(callback.port())
                    .isBetween(SandboxServer.FIRST_PICKED_PORT, SandboxServer.LAST_PICKED_PORT));
        } finally {
            free.afterEach(PASSED);
        }
    }

    @Test
    void aStaticFieldsSandboxLivesForTheClass() throws Exception {
        WaapiSandboxExtension extension = new WaapiSandboxExtension();
        extension.beforeAll(PASSED);
        WaapiSandbox sandbox = extension.getSandbox();

        extension.afterEach(PASSED);
        extension.afterEach(PASSED);

        assertThat(sandbox.isStarted()).isTrue();
        assertThat(extension.getSandbox()).isSameAs(sandbox);

        extension.afterAll(PASSED);

        assertThat(sandbox.isStarted()).isFalse();
    }
}
