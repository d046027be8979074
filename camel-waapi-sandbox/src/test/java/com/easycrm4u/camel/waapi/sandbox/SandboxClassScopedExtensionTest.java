package com.easycrm4u.camel.waapi.sandbox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.model.PingResult;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A static extension: one sandbox for the class, every test's fresh context pointed at it. Each test runs alone or in
 * any order: it checks that the sandbox it is given is the one every other test of the class was given.
 */
class SandboxClassScopedExtensionTest extends CamelTestSupport {

    @RegisterExtension
    static WaapiSandboxExtension waapi = new WaapiSandboxExtension(
            WaapiSandbox.builder()
                    .apiKey(SandboxApiKey.builder("waapi_class").name("Class").build()));

    /** The sandboxes and contexts the tests of this class were given: one sandbox, a context each. */
    private static final Set<WaapiSandbox> SANDBOXES = Collections.newSetFromMap(new IdentityHashMap<>());
    private static final Set<CamelContext> CONTEXTS = Collections.newSetFromMap(new IdentityHashMap<>());

    @BeforeEach
    void forgetTheOtherTests() {
        waapi.getSandbox().reset();
    }

    private void assertOneSandboxAndAFreshContext(WaapiSandbox sandbox) {
        assertThat(sandbox).isSameAs(waapi.getSandbox());
        synchronized (SANDBOXES) {
            SANDBOXES.add(sandbox);
            assertThat(SANDBOXES).as("one sandbox for the class").hasSize(1);
            assertThat(CONTEXTS.add(context)).as("a fresh context for each test").isTrue();
        }
        WaapiConfiguration configuration = context.getComponent("waapi", WaapiComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(sandbox.getBaseUrl());
        assertThat(configuration.getApiKey()).isEqualTo("waapi_class");
        assertThat(configuration.getApiSecret()).isNull();
    }

    @Test
    void oneTest(WaapiSandbox sandbox) {
        assertOneSandboxAndAFreshContext(sandbox);
        assertThat(template.requestBody("waapi:ping", null, PingResult.class).getApiKeyName()).isEqualTo("Class");
        assertThat(sandbox.getRequests()).hasSize(1);
    }

    @Test
    void anotherTest(WaapiSandbox sandbox) {
        assertOneSandboxAndAFreshContext(sandbox);
        template.requestBody("waapi:ping", null, PingResult.class);
        template.requestBody("waapi:ping", null, PingResult.class);
        assertThat(sandbox.getRequests()).as("only this test's requests: the sandbox was reset").hasSize(2);
    }
}
