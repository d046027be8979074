package com.easycrm4u.camel.waapi.soak.hostile;

import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot receiver of the hostile-load run, in a JVM of its own: an application set up as docs/spring-boot.md
 * says (camel-waapi-spring-boot-starter, camel-platform-http-starter, Spring MVC on Tomcat with its default limits), on
 * 127.0.0.1, with a {@code waapi:webhook} route on the default path and the verify token taken from
 * {@value ReceiverProbe#VERIFY_TOKEN_VARIABLE} as the docs' {@code application.properties} takes it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SpringBootReceiver {

    private static final ReceiverProbe PROBE = new ReceiverProbe();

    @Bean
    RouteBuilder webhookRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook").routeId("webhook")
                        .process(exchange -> PROBE.work())
                        .process(exchange -> PROBE.routed(exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY,
                                String.class)));
            }
        };
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        SpringApplication application = new SpringApplication(SpringBootReceiver.class);
        application.setDefaultProperties(Map.of(
                "server.address", "127.0.0.1",
                "server.port", String.valueOf(port),
                "spring.main.banner-mode", "off",
                "camel.main.name", "hostile-receiver",
                "camel.component.waapi.webhook-verify-token", "${" + ReceiverProbe.VERIFY_TOKEN_VARIABLE + "}"));
        ConfigurableApplicationContext context = application.run();
        PROBE.serve(port, () -> System.exit(SpringApplication.exit(context)));
    }
}
