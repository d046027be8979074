package com.easycrm4u.camel.waapi.internal.health;

import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiAuthenticationException;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer takes part in Camel's health checks (repository {@code producers}), as Spring Boot's actuator and Quarkus
 * show them: DOWN after consecutive authentication or connection failures, UP after a success, and never a call of its
 * own to find out.
 */
class ProducerHealthCheckTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");
    private static final String SENT = "{\"success\": true, \"data\": {\"messageId\": \"wamid.H\", \"status\": \"sent\"}}";

    private String route;

    @BeforeEach
    void enableProducerHealthChecks() {
        // what camel.health.producers-enabled=true does in Camel Main, Spring Boot and Quarkus
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        route = routeTo("waapi:cloud/text");
    }

    @Test
    void upBeforeAnyCallAndAfterSuccesses() {
        assertThat(check().call().getState()).isEqualTo(HealthCheck.State.UP);
        stub(post(anyUrl()), 200, SENT);

        template.send(route, e -> e.getMessage().setBody(TEXT));

        assertThat(check().call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check().isLiveness()).as("restarting does not repair credentials").isFalse();
        assertThat(check().isReadiness()).isTrue();
    }

    @Test
    void downAfterConsecutiveAuthenticationFailuresAndUpAgainAfterASuccess() {
        stub(post(anyUrl()), 401, "{\"success\": false, \"message\": \"Invalid API secret\"}");

        template.send(route, e -> e.getMessage().setBody(TEXT));
        template.send(route, e -> e.getMessage().setBody(TEXT));
        assertThat(check().call().getState()).as("two failures are not yet three").isEqualTo(HealthCheck.State.UP);
        template.send(route, e -> e.getMessage().setBody(TEXT));

        HealthCheck.Result down = check().call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get().asString().contains("3 authentication or connection failures in a row")
                .contains("Invalid API secret").doesNotContain(API_SECRET).doesNotContain(API_KEY);
        assertThat(down.getDetails()).containsEntry("consecutive.failures", 3).containsEntry("failure.threshold", 3);
        assertThat(down.getError()).get().isInstanceOf(WaapiAuthenticationException.class);

        stub(post(anyUrl()), 200, SENT);
        template.send(route, e -> e.getMessage().setBody(TEXT));
        assertThat(check().call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void apiRefusalsAndServerErrorsDoNotMakeItDown() {
        stub(post(anyUrl()), 400, "{\"success\": false, \"error\": \"(#131047) outside 24h window\"}");
        for (int i = 0; i < 5; i++) {
            template.send(route, e -> e.getMessage().setBody(TEXT));
        }
        assertThat(check().call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void checkingHealthNeverCallsTheApi() {
        for (int i = 0; i < 10; i++) {
            HealthCheckHelper.invoke(context);
            check().call();
        }
        wireMock.verify(0, RequestPatternBuilder.allRequests());
    }

    @Test
    void theComponentOptionTurnsProducerChecksOff() throws Exception {
        context.getComponent("waapi", com.easycrm4u.camel.waapi.WaapiComponent.class).setHealthCheckProducerEnabled(false);
        String other = routeTo("waapi:cloud/template?templateName=t&language=en");
        context.getRouteController().startAllRoutes();

        assertThat(HealthCheckRegistry.get(context).stream()
                .filter(c -> c.getId().startsWith("producer:waapi:cloud/template"))
                .findFirst()).get().extracting(HealthCheck::isEnabled).isEqualTo(false);
        assertThat(HealthCheckRegistry.get(context).stream()
                .filter(c -> c.getId().startsWith("producer:waapi:cloud/text"))
                .findFirst()).as("the producer started before keeps its check").get().extracting(HealthCheck::isEnabled)
                .isEqualTo(true);
        assertThat(other).startsWith("direct:");
    }

    @Test
    void aStoppedRoutesProducerLeavesTheRegistryAndComesBackWhenTheRouteStarts() throws Exception {
        String routeId = context.getRoutes().stream()
                .filter(r -> r.getEndpoint().getEndpointUri().equals(route.replace(":", "://")))
                .findFirst().orElseThrow().getRouteId();

        context.getRouteController().stopRoute(routeId);
        assertThat(HealthCheckRegistry.get(context).stream().map(HealthCheck::getId))
                .noneMatch(id -> id.startsWith("producer:waapi:"));

        context.getRouteController().startRoute(routeId);
        assertThat(check().call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void keysWithAnUnknownOutcomeAreADetailNotADownState() {
        stub(post(anyUrl()), 504, "{\"success\": false, \"error\": \"Gateway timeout\"}");
        assertThat(check().call().getDetails()).containsEntry("send.once.unknown", 0L);

        for (int i = 0; i < 3; i++) {
            template.send(route, e -> {
                e.getMessage().setBody(TEXT);
                e.getMessage().setHeader(WaapiConstants.SEND_ONCE_KEY, "order-1");
            });
        }

        HealthCheck.Result result = check().call();
        assertThat(result.getDetails()).containsEntry("send.once.unknown", 3L);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
    }

    private HealthCheck check() {
        return HealthCheckRegistry.get(context).stream()
                .filter(c -> c.getId().startsWith("producer:waapi:cloud/text"))
                .findFirst().orElseThrow(() -> new AssertionError("no waapi producer health check registered"));
    }
}
