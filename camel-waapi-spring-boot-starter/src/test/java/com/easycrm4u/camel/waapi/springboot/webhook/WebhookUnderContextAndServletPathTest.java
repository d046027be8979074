package com.easycrm4u.camel.waapi.springboot.webhook;

import java.util.stream.Stream;

import org.springframework.boot.test.context.SpringBootTest;

import static com.easycrm4u.camel.waapi.springboot.webhook.WebhookApplication.VERIFY_TOKEN;

/** The same checks with a context path and a servlet path in front of the webhook path. */
@SpringBootTest(classes = WebhookApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.waapi.webhook-verify-token=" + VERIFY_TOKEN,
                        "server.servlet.context-path=/crm",
                        "spring.mvc.servlet.path=/api" })
class WebhookUnderContextAndServletPathTest extends WebhookOnTomcatTestSupport {

    static Stream<String> spellings() {
        return Stream.of("/crm/api/waapi/webhook", "/crm/api/waapi/webhook;x=1", "/crm/api/waapi/webhoo%6B",
                "/crm;y=2/api/waapi/webhook");
    }
}
