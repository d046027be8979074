package com.easycrm4u.camel.waapi.springboot;

import java.net.http.HttpClient;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class WaapiComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, WaapiComponentAutoConfiguration.class));

    @Test
    void appliesThePropertiesToTheComponent() {
        runner.withUserConfiguration(Beans.class)
                .withPropertyValues(
                        "camel.component.waapi.base-url=http://127.0.0.1:1/api/v1/external",
                        "camel.component.waapi.api-key=waapi_test",
                        "camel.component.waapi.api-secret=secr_test",
                        "camel.component.waapi.from-phone-no=+917890000199",
                        "camel.component.waapi.template-name=order_shipped",
                        "camel.component.waapi.message-type=template",
                        "camel.component.waapi.preview-url=true",
                        "camel.component.waapi.connect-timeout=5s",
                        "camel.component.waapi.request-timeout=45000",
                        "camel.component.waapi.max-retry-after=2m",
                        "camel.component.waapi.rate-limit-retries=1",
                        "camel.component.waapi.path=/hooks/whatsapp",
                        "camel.component.waapi.webhook-verify-token=token",
                        "camel.component.waapi.verify-signature=false",
                        "camel.component.waapi.split=false",
                        "camel.component.waapi.events=messages,statuses",
                        "camel.component.waapi.max-body-size=2048",
                        "camel.component.waapi.idempotent-cache-size=50",
                        "camel.component.waapi.idempotent-repository=#deliveries",
                        "camel.component.waapi.send-once-repository=#deliveries",
                        "camel.component.waapi.send-once-claim-timeout=10m",
                        "camel.component.waapi.http-client=#bean:waapiHttpClient",
                        "camel.component.waapi.lazy-start-producer=true",
                        "camel.component.waapi.webhook-component-name=platform-http")
                .run(context -> {
                    WaapiComponent component = waapi(context);
                    WaapiConfiguration configuration = component.getConfiguration();
                    assertThat(configuration.getBaseUrl()).isEqualTo("http://127.0.0.1:1/api/v1/external");
                    assertThat(configuration.getApiKey()).isEqualTo("waapi_test");
                    assertThat(configuration.getApiSecret()).isEqualTo("secr_test");
                    assertThat(configuration.getFromPhoneNo()).isEqualTo("+917890000199");
                    assertThat(configuration.getTemplateName()).isEqualTo("order_shipped");
                    assertThat(configuration.getMessageType()).isEqualTo("template");
                    assertThat(configuration.getPreviewUrl()).isTrue();
                    assertThat(configuration.getConnectTimeout()).isEqualTo(5_000);
                    assertThat(configuration.getRequestTimeout()).isEqualTo(45_000);
                    assertThat(configuration.getMaxRetryAfter()).isEqualTo(120_000);
                    assertThat(configuration.getRateLimitRetries()).isEqualTo(1);
                    assertThat(configuration.getPath()).isEqualTo("/hooks/whatsapp");
                    assertThat(configuration.getWebhookVerifyToken()).isEqualTo("token");
                    assertThat(configuration.isVerifySignature()).isFalse();
                    assertThat(configuration.isSplit()).isFalse();
                    assertThat(configuration.getEvents()).isEqualTo("messages,statuses");
                    assertThat(configuration.getMaxBodySize()).isEqualTo(2048);
                    assertThat(configuration.getIdempotentCacheSize()).isEqualTo(50);
                    assertThat(configuration.getIdempotentRepository()).isSameAs(context.getBean("deliveries"));
                    assertThat(configuration.getSendOnceRepository()).isSameAs(context.getBean("deliveries"));
                    assertThat(configuration.getSendOnceClaimTimeout()).isEqualTo(600_000);
                    assertThat(component.getHttpClient()).isSameAs(context.getBean("waapiHttpClient"));
                    assertThat(component.isLazyStartProducer()).isTrue();
                    assertThat(component.getWebhookComponentName()).isEqualTo("platform-http");
                });
    }

    @Test
    void leavesWhatIsNotSetToTheComponent() {
        runner.withUserConfiguration(OwnComponent.class)
                .withPropertyValues("camel.component.waapi.api-key=waapi_test")
                .run(context -> {
                    WaapiConfiguration configuration = waapi(context).getConfiguration();
                    assertThat(configuration.getApiKey()).isEqualTo("waapi_test");
                    // set in code on the application's own component: the properties' defaults must not overwrite it
                    assertThat(configuration.getBaseUrl()).isEqualTo(OwnComponent.BASE_URL);
                    assertThat(configuration.getRequestTimeout()).isEqualTo(1_000);
                });
    }

    @Test
    void writesTheOtherOptionsIntoAConfigurationBean() {
        runner.withUserConfiguration(OwnConfiguration.class)
                .withPropertyValues("camel.component.waapi.api-key=waapi_test",
                        "camel.component.waapi.configuration=#ownWaapiConfiguration")
                .run(context -> {
                    WaapiConfiguration configuration = waapi(context).getConfiguration();
                    assertThat(configuration).isSameAs(context.getBean("ownWaapiConfiguration"));
                    assertThat(configuration.getApiKey()).isEqualTo("waapi_test");
                    assertThat(configuration.getBaseUrl()).isEqualTo(OwnComponent.BASE_URL);
                });
    }

    @Test
    void enabledFalseSwitchesItOff() {
        runner.withPropertyValues("camel.component.waapi.enabled=false", "camel.component.waapi.api-key=waapi_test")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(WaapiComponentConfiguration.class);
                    assertThat(waapi(context).getConfiguration().getApiKey()).isNull();
                });
    }

    @Test
    void globalComponentSwitchTurnsItOffToo() {
        runner.withPropertyValues("camel.component.enabled=false", "camel.component.waapi.api-key=waapi_test")
                .run(context -> assertThat(context).doesNotHaveBean(WaapiComponentConfiguration.class));
    }

    @Test
    void customizerCanBeTurnedOff() {
        runner.withPropertyValues("camel.component.waapi.customizer.enabled=false", "camel.component.waapi.api-key=waapi_test")
                .run(context -> {
                    assertThat(context).hasSingleBean(WaapiComponentConfiguration.class);
                    assertThat(waapi(context).getConfiguration().getApiKey()).isNull();
                });
    }

    @Test
    void anUnknownBeanReferenceFailsTheStartup() {
        runner.withPropertyValues("camel.component.waapi.http-client=#missing")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("camel.component.waapi.http-client")
                        .hasStackTraceContaining("missing"));
    }

    private static WaapiComponent waapi(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class).getComponent("waapi", WaapiComponent.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        IdempotentRepository deliveries() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(10);
        }

        @Bean
        HttpClient waapiHttpClient() {
            return HttpClient.newHttpClient();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnComponent {
        static final String BASE_URL = "http://127.0.0.1:2/own";

        @Bean
        WaapiComponent waapi() {
            WaapiComponent component = new WaapiComponent();
            component.getConfiguration().setBaseUrl(BASE_URL);
            component.getConfiguration().setRequestTimeout(1_000);
            return component;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConfiguration {
        @Bean
        WaapiConfiguration ownWaapiConfiguration() {
            WaapiConfiguration configuration = new WaapiConfiguration();
            configuration.setBaseUrl(OwnComponent.BASE_URL);
            return configuration;
        }
    }
}
