package com.easycrm4u.camel.waapi;

import java.util.List;

import com.easycrm4u.camel.waapi.operation.WaapiUriPath;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.EndpointServiceRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrong URIs and missing credentials fail when the endpoint or producer is created, with a message that says why.
 */
class EndpointCreationTest extends WaapiTestSupport {

    @Test
    void unknownOperationListsTheValidChoices() {
        assertThatThrownBy(() -> context.getEndpoint("waapi:cloud/nope"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cloud/nope")
                .hasMessageContaining("waapi:webhook")
                .hasMessageContaining("waapi:ping")
                .hasMessageContaining("waapi:cloud/text")
                .hasMessageContaining("waapi:contacts/upsert")
                .hasMessageContaining("waapi:qr/sessions");
        verifyNothingSent();
    }

    @Test
    void everyOperationIsAnEndpoint() {
        for (WaapiUriPath operation : WaapiUriPath.values()) {
            Endpoint endpoint = context.getEndpoint("waapi:" + operation.uri());
            assertThat(endpoint).isInstanceOf(WaapiEndpoint.class);
            assertThat(((WaapiEndpoint) endpoint).getOperation()).isEqualTo(operation.uri());
        }
    }

    @Test
    void producerOnWebhookFailsClearly() {
        assertThatThrownBy(() -> context.getEndpoint("waapi:webhook").createProducer())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("waapi:webhook is a consumer and cannot send")
                .hasMessageContaining("waapi:cloud/text");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:webhook").to("waapi:webhook");
            }
        })).hasStackTraceContaining("waapi:webhook is a consumer and cannot send");
    }

    @Test
    void consumerOnProducerUriFailsClearly() {
        assertThatThrownBy(() -> context.getEndpoint("waapi:cloud/text").createConsumer(exchange -> {
        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("waapi:cloud/text is a producer")
                .hasMessageContaining("waapi:webhook");
    }

    @Test
    void producerWithoutApiKeyFailsToStart() {
        ((WaapiComponent) context.getComponent("waapi")).getConfiguration().setApiKey(null);

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:nokey").to("waapi:cloud/text");
            }
        })).hasStackTraceContaining("waapi:cloud/text needs an API key")
                .hasStackTraceContaining("camel.component.waapi.api-key");
        verifyNothingSent();
    }

    @Test
    void blankApiKeyOnTheEndpointFailsToStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:blankkey").to("waapi:ping?apiKey=RAW( )");
            }
        })).hasStackTraceContaining("waapi:ping needs an API key");
    }

    @Test
    void unusableBaseUrlFailsToStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ftp").to("waapi:cloud/text?baseUrl=ftp://127.0.0.1/api");
            }
        })).hasStackTraceContaining("baseUrl must be an http or https URL with a host, not 'ftp://127.0.0.1/api'");
        verifyNothingSent();
    }

    /** What Camel lists as the services a context talks to (camel-cli's {@code camel get service}, the dev console). */
    @Test
    void theWebhookPathAndTheApisBaseUrlAreListedAsHttpServices() {
        context.getEndpoint("waapi:webhook?path=/hooks/in");
        context.getEndpoint("waapi:cloud/text");

        List<EndpointServiceRegistry.EndpointService> services = context.getCamelContextExtension()
                .getEndpointServiceRegistry().listAllEndpointServices();

        assertThat(services).filteredOn(service -> service.getEndpointUri().startsWith("waapi://webhook"))
                .singleElement().satisfies(service -> {
                    assertThat(service.getServiceUrl()).isEqualTo("/hooks/in");
                    assertThat(service.getServiceProtocol()).isEqualTo("http");
                });
        assertThat(services).filteredOn(service -> service.getEndpointUri().startsWith("waapi://cloud/text"))
                .singleElement().satisfies(service -> {
                    assertThat(service.getServiceUrl()).isEqualTo(baseUrl());
                    assertThat(service.getServiceProtocol()).isEqualTo("http");
                });
    }
}
