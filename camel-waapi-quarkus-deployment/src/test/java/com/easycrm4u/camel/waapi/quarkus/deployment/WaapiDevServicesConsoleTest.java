package com.easycrm4u.camel.waapi.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quarkus.camel.waapi.devservices.console=true} (the default in dev mode): the Dev Service's sandbox serves its
 * console on its own loopback port.
 */
class WaapiDevServicesConsoleTest {

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.camel.waapi.devservices.console", "true");

    @Inject
    CamelContext context;

    @Test
    void theSandboxServesItsConsole() throws Exception {
        // the console is on the port of the sandbox the component was pointed at
        URI api = URI.create(context.getComponent(WaapiConstants.SCHEME, WaapiComponent.class).getConfiguration().getBaseUrl());
        HttpResponse<String> state = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(api.resolve("/console/api/state")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).startsWith("{\"version\":").contains("\"conversations\"");
    }
}
