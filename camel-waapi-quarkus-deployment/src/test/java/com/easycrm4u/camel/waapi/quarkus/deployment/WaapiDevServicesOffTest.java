package com.easycrm4u.camel.waapi.quarkus.deployment;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An application with its own API key gets no sandbox: the component keeps the configured account. */
class WaapiDevServicesOffTest {

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .overrideConfigKey("camel.component.waapi.api-key", "waapi_own_account")
            .overrideConfigKey("camel.component.waapi.api-secret", "secr_own_account");

    @Inject
    CamelContext context;

    @Test
    void theComponentKeepsTheConfiguredAccount() {
        WaapiConfiguration configuration = context.getComponent(WaapiConstants.SCHEME, WaapiComponent.class).getConfiguration();
        assertThat(configuration.getApiKey()).isEqualTo("waapi_own_account");
        assertThat(configuration.getBaseUrl()).isEqualTo(new WaapiConfiguration().getBaseUrl());
    }
}
