package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.ConfigurableContext;

/**
 * Points the context of a camel-test-junit5 test (such as a {@code CamelTestSupport}) at the sandbox by wrapping the
 * test's context supplier, so the component is configured before the test's routes are added. Loaded only when
 * camel-test-junit5 is on the classpath: its nested supplier implements camel-test's interface, so loading this class
 * without camel-test-junit5 fails.
 */
final class CamelTestSupportBinding {

    private CamelTestSupportBinding() {
    }

    static void bind(Object testInstance, WaapiSandboxExtension extension) {
        if (!(testInstance instanceof ConfigurableContext test)) {
            return;
        }
        CamelContextConfiguration configuration = test.camelContextConfiguration();
        CamelContextConfiguration.CamelContextSupplier original = configuration.camelContextSupplier();
        if (original == null || original instanceof SandboxContextSupplier) {
            return;
        }
        configuration.withCamelContextSupplier(new SandboxContextSupplier(original, extension));
    }

    private record SandboxContextSupplier(CamelContextConfiguration.CamelContextSupplier original,
            WaapiSandboxExtension extension)
            implements
                CamelContextConfiguration.CamelContextSupplier {

        @Override
        public CamelContext createCamelContext() throws Exception {
            CamelContext context = original.createCamelContext();
            extension.configure(context);
            return context;
        }
    }
}
