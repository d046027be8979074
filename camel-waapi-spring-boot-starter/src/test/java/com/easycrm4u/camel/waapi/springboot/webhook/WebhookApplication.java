package com.easycrm4u.camel.waapi.springboot.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as docs/spring-boot.md sets one up (the starter, spring-boot-starter-web,
 * camel-platform-http-starter), with a webhook route that records what it routes, a read deadline of three seconds and
 * a bound of four bodies' worth of unverified bytes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebhookApplication {

    static final int MAX_BODY_SIZE = 65_536;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    static final long MAX_UNVERIFIED_BYTES = 4L * MAX_BODY_SIZE;
    static final String VERIFY_TOKEN = "test-verify-token";

    /** The bodies of the events routed. */
    static final List<String> ROUTED = new CopyOnWriteArrayList<>();

    @Bean
    RouteBuilder webhookRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?maxBodySize=" + MAX_BODY_SIZE + "&bodyReadTimeout=" + READ_TIMEOUT.toMillis()
                     + "&maxUnverifiedBytes=" + MAX_UNVERIFIED_BYTES)
                        .process(exchange -> ROUTED.add(String.valueOf(exchange.getMessage().getBody())));
            }
        };
    }
}
