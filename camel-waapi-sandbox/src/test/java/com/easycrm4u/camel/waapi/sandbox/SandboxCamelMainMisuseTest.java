package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
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
        TestExecutionSummary summary = launch(ForgotTheHook.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        // reported before @CamelMainTest builds the context (by a condition, which JUnit wraps)
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .hasRootCauseInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("camelConfiguration()"));
    }

    @Test
    void theCheckFiresBeforeTheApplicationsEnvPlaceholdersFail() {
        TestExecutionSummary summary = launch(ForgotTheHookWithEnvPlaceholders.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .hasRootCauseInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@Configure void configure(MainConfigurationProperties c)")
                .hasMessageContaining("camelConfiguration()")
                .hasMessageNotContaining("WAAPI_SANDBOX_TEST_UNSET_API_KEY"));
    }

    @Test
    void aPlaceholderErrorOfAConfigureMethodWithoutTheHookSaysWhatTheHookIsFor() {
        TestExecutionSummary summary = launch(ConfigureWithoutTheHook.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).hasStackTraceContaining("WAAPI_SANDBOX_TEST_UNSET_API_KEY");
        assertThat(failure.getSuppressed()).singleElement().satisfies(hint -> assertThat(hint)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("{{env:WAAPI_API_KEY}}")
                .hasMessageContaining("configuration.addConfiguration(<extension field>.camelConfiguration())"));
    }

    private static TestExecutionSummary launch(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launching = true;
        try {
            launcher.execute(request().selectors(selectClass(testClass)).build(), listener);
        } finally {
            launching = false;
        }
        return listener.getSummary();
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

    /** Run by the launcher above only: application.properties as the README recommends, no hook. */
    @CamelMainTest(propertyPlaceholderFileName = "main-placeholders-test.properties")
    @EnabledIf("com.easycrm4u.camel.waapi.sandbox.SandboxCamelMainMisuseTest#launchedByTheOuterTest")
    static class ForgotTheHookWithEnvPlaceholders {

        @RegisterExtension
        WaapiSandboxExtension waapi = new WaapiSandboxExtension();

        @Test
        void wouldNotStart() {
        }
    }

    /** Run by the launcher above only: a @Configure method, but not the sandbox's hook. */
    @CamelMainTest(propertyPlaceholderFileName = "main-placeholders-test.properties")
    @EnabledIf("com.easycrm4u.camel.waapi.sandbox.SandboxCamelMainMisuseTest#launchedByTheOuterTest")
    static class ConfigureWithoutTheHook {

        @RegisterExtension
        WaapiSandboxExtension waapi = new WaapiSandboxExtension();

        @Configure
        void somethingElse(MainConfigurationProperties configuration) {
            configuration.setAutoConfigurationLogSummary(false);
        }

        @Test
        void wouldNotStart() {
        }
    }
}
