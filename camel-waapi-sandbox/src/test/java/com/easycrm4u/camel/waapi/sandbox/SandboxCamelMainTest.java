package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel Main application's YAML route, with a properties file that names a real account, tested on the sandbox.
 */
@CamelMainTest(propertyPlaceholderFileName = "main-test.properties")
class SandboxCamelMainTest {

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension();

    @BeanInject
    CamelContext context;

    @Configure
    void pointWaapiAtTheSandbox(MainConfigurationProperties configuration) {
        configuration.addConfiguration(waapi.camelConfiguration());
    }

    @Test
    void theSandboxWinsOverTheApplicationProperties() {
        WaapiComponent component = context.getComponent("waapi", WaapiComponent.class);
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(waapi.getSandbox().getBaseUrl());
        assertThat(component.getConfiguration().getApiKey()).isEqualTo(WaapiSandbox.DEFAULT_API_KEY);
        assertThat(component.getConfiguration().getFromPhoneNo()).isEqualTo(WaapiSandbox.DEFAULT_PHONE_NUMBER);
    }

    @Test
    void theYamlRouteSendsToTheSandbox() {
        ProducerTemplate template = context.createProducerTemplate();
        SendResult result = template.requestBodyAndHeader("direct:shipped", List.of("Sayantan", "AWB-12345"),
                WaapiConstants.TO, "+917890000198", SendResult.class);
        assertThat(waapi.getSandbox().getSentMessages()).singleElement()
                .satisfies(m -> assertThat(m.getMessageId()).isEqualTo(result.getMessageId()));
    }
}
