package com.easycrm4u.camel.waapi.quarkus.deployment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiComponentConfigurer;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiEndpointConfigurer;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.model.TemplateComponent;
import com.easycrm4u.camel.waapi.model.TemplateMessage;
import com.easycrm4u.camel.waapi.model.TemplateParameter;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatus;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in a Quarkus application (JVM mode): the component is registered while the application is built,
 * configured from application.properties, sends to the API, and its models are registered for reflection.
 */
class WaapiExtensionTest {

    private static final String API_PORT = "waapi.test.api.port";
    private static final String MEMORY_REPOSITORY = "org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository";

    private static final WireMock API = new WireMock("127.0.0.1", apiPort());
    private static final String BASE_URL = "http://127.0.0.1:" + apiPort() + "/api/v1/external";

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset(
                    String.join("\n",
                            "camel.component.waapi.api-key=waapi_quarkus",
                            "camel.component.waapi.api-secret=secr_quarkus",
                            "camel.component.waapi.from-phone-no=+917890000199",
                            "camel.component.waapi.request-timeout=5s",
                            "camel.component.waapi.rate-limit-retries=0",
                            "camel.component.waapi.webhook-verify-token=verify-token",
                            "camel.component.waapi.send-once-repository=#class:" + MEMORY_REPOSITORY,
                            "camel.component.waapi.send-once-claim-timeout=10m")),
                    "application.properties"))
            .overrideConfigKey("camel.component.waapi.base-url", BASE_URL)
            .addBuildChainCustomizer(chain -> chain.addBuildStep(WaapiExtensionTest::assertRegisteredForReflection)
                    .consumes(ReflectiveClassBuildItem.class)
                    .produces(FeatureBuildItem.class)
                    .build());

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate producer;

    @AfterAll
    static void stopApi() {
        API.shutdown();
        System.clearProperty(API_PORT);
    }

    @Test
    void theComponentIsInTheRegistryBeforeAnyRouteAsksForIt() {
        assertThat(context.getRegistry().lookupByNameAndType(WaapiConstants.SCHEME, WaapiComponent.class)).isNotNull();
        assertThat(context.getComponent(WaapiConstants.SCHEME)).isInstanceOf(WaapiComponent.class);
    }

    @Test
    void applicationPropertiesConfigureTheComponent() {
        WaapiConfiguration configuration = context.getComponent(WaapiConstants.SCHEME, WaapiComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(BASE_URL);
        assertThat(configuration.getApiKey()).isEqualTo("waapi_quarkus");
        assertThat(configuration.getApiSecret()).isEqualTo("secr_quarkus");
        assertThat(configuration.getFromPhoneNo()).isEqualTo("+917890000199");
        assertThat(configuration.getRequestTimeout()).isEqualTo(5_000);
        assertThat(configuration.getRateLimitRetries()).isZero();
        assertThat(configuration.getWebhookVerifyToken()).isEqualTo("verify-token");
        assertThat(configuration.getSendOnceRepository().getClass().getName()).isEqualTo(MEMORY_REPOSITORY);
        assertThat(configuration.getSendOnceClaimTimeout()).isEqualTo(600_000);
    }

    @Test
    void sendsATemplate() {
        API.register(post(urlEqualTo("/api/v1/external/whatsapp-api/messages/template"))
                .withHeader("X-API-Key", equalTo("waapi_quarkus"))
                .withHeader("X-API-Secret", equalTo("secr_quarkus"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"messageId\":\"wamid.QUARKUS\",\"status\":\"sent\","
                                  + "\"to\":\"917890000198\",\"type\":\"template\"}}")));

        Exchange exchange = producer.request("waapi:cloud/template?templateName=order_shipped&language=en", e -> {
            e.getMessage().setHeader(WaapiConstants.TO, "917890000198");
            e.getMessage().setBody(List.of("Sayantan", "AWB-12345"));
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SendResult.class).getMessageId()).isEqualTo("wamid.QUARKUS");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.QUARKUS");
        API.verifyThat(postRequestedFor(urlEqualTo("/api/v1/external/whatsapp-api/messages/template"))
                .withRequestBody(equalToJson("{\"to\":\"917890000198\",\"fromPhoneNo\":\"+917890000199\","
                                             + "\"name\":\"order_shipped\",\"language\":\"en\",\"components\":[{\"type\":\"body\","
                                             + "\"parameters\":[{\"type\":\"text\",\"text\":\"Sayantan\"},"
                                             + "{\"type\":\"text\",\"text\":\"AWB-12345\"}]}]}")));
    }

    /** Runs inside the build: fails it when a class native mode needs is not registered for reflection. */
    private static void assertRegisteredForReflection(BuildContext build) {
        Set<String> withMembers = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (ReflectiveClassBuildItem item : build.consumeMulti(ReflectiveClassBuildItem.class)) {
            all.addAll(item.getClassNames());
            if (item.isMethods() && item.isFields()) {
                withMembers.addAll(item.getClassNames());
            }
        }
        assertThat(withMembers).as("Jackson models registered with their methods and fields")
                .contains(TemplateMessage.class.getName(), TemplateComponent.class.getName(), TemplateParameter.class.getName(),
                        SendResult.class.getName(), WebhookEnvelope.class.getName(), MessageStatusEvent.class.getName(),
                        MessageStatus.class.getName(), InboundMessageEvent.class.getName());
        assertThat(all).as("generated configurers registered")
                .contains(WaapiComponentConfigurer.class.getName(), WaapiEndpointConfigurer.class.getName());
        build.produce(new FeatureBuildItem("waapi-reflection-checked"));
    }

    /**
     * The port of the mock API. The test class is loaded twice, by JUnit and by the Quarkus application, so the server
     * is started once and found again through a system property.
     */
    private static synchronized int apiPort() {
        String port = System.getProperty(API_PORT);
        if (port == null) {
            WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            port = String.valueOf(server.port());
            System.setProperty(API_PORT, port);
        }
        return Integer.parseInt(port);
    }
}
