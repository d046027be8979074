package com.easycrm4u.camel.waapi.springboot.webhook;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;

import com.easycrm4u.camel.waapi.webhook.internal.WebhookGate;

/** Writes the answer to a webhook request whose body is left unread, and ends the request. */
final class WebhookAnswers {

    private WebhookAnswers() {
    }

    /**
     * Writes the answer (with the {@code Connection: close} the gate puts in) in the async cycle the supplier starts,
     * and completes it: the container then closes the connection instead of reading (swallowing) the rest of the body,
     * which may never come.
     */
    static WebhookGate.Reply closing(Supplier<AsyncContext> async) {
        return (status, headers, json) -> {
            AsyncContext cycle = async.get();
            try {
                HttpServletResponse response = (HttpServletResponse) cycle.getResponse();
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                response.setStatus(status);
                headers.forEach(response::setHeader);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.flushBuffer();
            } finally {
                cycle.complete();
            }
        };
    }
}
