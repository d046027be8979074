package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.ConsumerHealthCheck;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook consumer takes part in Camel's health checks, as Camel's own consumers do: UP while its path is
 * registered and it accepts deliveries, DOWN when the registration is missing, while suspended and once stopped.
 */
class WebhookHealthCheckTest {

    private final CamelContext context = new DefaultCamelContext();
    private Consumer registration;
    private final AtomicInteger registrations = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        WaapiComponent waapi = new WaapiComponent();
        waapi.setWebhookComponentName("http-stub");
        context.addComponent("waapi", waapi);
        context.getRegistry().bind("http-stub", (RestConsumerFactory) (
                camelContext, processor, verb, basePath, uriTemplate,
                consumes, produces, configuration, parameters) -> {
            registrations.incrementAndGet();
            registration = new DefaultConsumer(camelContext.getEndpoint("mock:http"), processor);
            return registration;
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?webhookVerifyToken=RAW(t0ken)").routeId("hooks").to("mock:events");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    private HealthCheck.Result consumerCheck() {
        HealthCheck check = ((HealthCheckAware) context.getRoute("hooks").getConsumer()).getHealthCheck();
        assertThat(check).as("the consumer's health check").isNotNull();
        return check.call();
    }

    /** What Camel's consumer health check of the route (camel-health) makes of it. */
    private HealthCheck.Result camelsCheckOfTheRoute() {
        return new ConsumerHealthCheck(context.getRoute("hooks"), "consumer:hooks").call();
    }

    @Test
    void upWhileThePathIsRegistered() {
        assertThat(consumerCheck().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(camelsCheckOfTheRoute().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downWhenTheHttpRegistrationIsMissing() {
        ServiceHelper.stopService(registration);
        HealthCheck.Result result = consumerCheck();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("POST /waapi/webhook is not registered on the HTTP server"));
        assertThat(camelsCheckOfTheRoute().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(camelsCheckOfTheRoute().getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("not registered"));
    }

    @Test
    void downWhileSuspendedAndOnceStopped() throws Exception {
        context.getRouteController().suspendRoute("hooks");
        assertThat(consumerCheck().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(consumerCheck().getMessage()).hasValueSatisfying(message -> assertThat(message).contains("suspended"));
        context.getRouteController().resumeRoute("hooks");
        assertThat(consumerCheck().getState()).isEqualTo(HealthCheck.State.UP);
        context.getRouteController().stopRoute("hooks");
        assertThat(consumerCheck().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(consumerCheck().getMessage()).hasValueSatisfying(message -> assertThat(message).contains("stopped"));
    }

    @Test
    void aStoppedRouteKeepsItsPathRegisteredAndARemovedOneGivesItBackForANewRoute() throws Exception {
        Consumer first = registration;
        context.getRouteController().stopRoute("hooks");
        assertThat(ServiceHelper.isStarted(first)).as("registered while stopped: answered 503, not 404").isTrue();
        context.getRouteController().startRoute("hooks");
        assertThat(registrations).as("a restart keeps the registration").hasValue(1);

        context.getRouteController().stopRoute("hooks");
        context.removeRoute("hooks");
        assertThat(ServiceHelper.isStopped(first)).as("unregistered when the route is removed").isTrue();

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?webhookVerifyToken=RAW(t0ken)").routeId("hooks").to("mock:events");
            }
        });
        assertThat(registrations).as("the new route registers the path again").hasValue(2);
        assertThat(ServiceHelper.isStarted(registration)).isTrue();
        assertThat(consumerCheck().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void thePathIsUnregisteredOnceTheContextHasStopped() {
        Consumer served = registration;

        context.stop();

        assertThat(ServiceHelper.isStopped(served)).isTrue();
    }

    @Test
    void namedAfterItsPathAndReportsThePath() {
        HealthCheck check = ((HealthCheckAware) context.getRoute("hooks").getConsumer()).getHealthCheck();
        assertThat(check.getId()).isEqualTo("waapi-webhook:/waapi/webhook");
        assertThat(check.getGroup()).isEqualTo("camel");
        assertThat(check.isEnabled()).isTrue();
        assertThat(check.call().getDetails()).containsEntry("waapi.webhook.path", "/waapi/webhook");
    }

    @Test
    void unknownWhileDisabled() {
        HealthCheck check = ((HealthCheckAware) context.getRoute("hooks").getConsumer()).getHealthCheck();
        check.setEnabled(false);
        assertThat(check.isEnabled()).isFalse();
        HealthCheck.Result result = check.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(result.getMessage()).hasValue("Disabled");
        assertThat(result.getDetails()).containsEntry(HealthCheck.CHECK_ENABLED, false)
                .containsEntry("waapi.webhook.path", "/waapi/webhook");
        check.setEnabled(true);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }
}
