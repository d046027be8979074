package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** A @CamelMainTest that forgot the @Configure hook fails instead of calling the application's configured API. */
class SandboxCamelMainMisuseTest {

    @Test
    void aCamelMainTestWithoutTheHookFails() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launching = true;
        try {
            launcher.execute(request().selectors(selectClass(ForgotTheHook.class)).build(), listener);
        } finally {
            launching = false;
        }

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("camelConfiguration()"));
    }

    private static volatile boolean launching;

    static boolean launchedByTheOuterTest() {
        return launching;
    }

    /** Run by the launcher above only. */
    @CamelMainTest
    @EnabledIf("com.easycrm4u.camel.waapi.sandbox.SandboxCamelMainMisuseTest#launchedByTheOuterTest")
    static class ForgotTheHook {

        @RegisterExtension
        WaapiSandboxExtension waapi = new WaapiSandboxExtension();

        @Test
        void wouldCallTheRealApi() {
        }
    }
}
