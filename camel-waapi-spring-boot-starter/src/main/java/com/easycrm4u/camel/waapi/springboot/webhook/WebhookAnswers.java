package com.easycrm4u.camel.waapi.springboot.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;

import com.easycrm4u.camel.waapi.webhook.WebhookAnswer;

/** Writes the answer to a webhook request whose body is left unread, and ends the request. */
final class WebhookAnswers {

    private WebhookAnswers() {
    }

    /**
     * Writes the answer with {@code Connection: close} and completes the async cycle: the container then closes the
     * connection instead of reading (swallowing) the rest of the body, which may never come.
     */
    static void writeAndClose(AsyncContext async, WebhookAnswer answer) throws IOException {
        try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
            response.setStatus(answer.status());
            response.setContentType("application/json");
            if (answer.retryAfterSeconds() != null) {
                response.setHeader("Retry-After", answer.retryAfterSeconds());
            }
            response.setHeader("Connection", "close");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
            response.flushBuffer();
        } finally {
            async.complete();
        }
    }
}
