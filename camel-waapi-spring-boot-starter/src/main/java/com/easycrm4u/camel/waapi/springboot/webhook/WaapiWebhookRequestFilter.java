package com.easycrm4u.camel.waapi.springboot.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.easycrm4u.camel.waapi.webhook.WebhookAdmission;
import com.easycrm4u.camel.waapi.webhook.WebhookAnswer;
import com.easycrm4u.camel.waapi.webhook.WebhookPaths;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the {@code waapi:webhook} promises on Spring MVC, whose platform-http binding reads the whole request body into
 * memory before Camel sees it: a POST to a webhook path is refused from its headers alone where they tell (stopping,
 * form or multipart content, a Content-Length over maxBodySize, a missing or malformed signature) without the body
 * being read, and otherwise reaches Camel through a body that ends after maxBodySize + 1 bytes, so the consumer answers
 * 413 having held no more than that.
 */
public class WaapiWebhookRequestFilter extends OncePerRequestFilter {

    private final ObjectProvider<CamelContext> camelContext;

    public WaapiWebhookRequestFilter(ObjectProvider<CamelContext> camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WebhookAdmission admission = "POST".equals(request.getMethod()) ? admissionOf(request) : null;
        if (admission == null) {
            chain.doFilter(request, response);
            return;
        }
        WebhookAnswer refusal = admission.admit(request.getHeader("Content-Length"), request.getContentType(),
                request.getHeader(WebhookSignature.HEADER));
        if (refusal != null) {
            answer(response, refusal);
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, admission.getMaxBodySize() + 1), response);
    }

    private WebhookAdmission admissionOf(HttpServletRequest request) {
        CamelContext context = camelContext.getIfAvailable();
        if (context == null) {
            return null;
        }
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        String path = contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        return WebhookPaths.of(context).find(path);
    }

    private static void answer(HttpServletResponse response, WebhookAnswer answer) throws IOException {
        byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("application/json");
        if (answer.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", answer.retryAfterSeconds());
        }
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}
