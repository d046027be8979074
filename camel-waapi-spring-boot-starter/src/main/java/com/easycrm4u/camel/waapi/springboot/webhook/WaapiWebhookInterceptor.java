package com.easycrm4u.camel.waapi.springboot.webhook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookGate;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Holds the {@code waapi:webhook} promises on Spring MVC, where the path has already been matched: a request that
 * Spring MVC hands to the platform-http consumer of a webhook path, whatever spelling of the path it came by (path
 * parameters, percent-encoding, a trailing slash, under a context path or a servlet path), is refused from its headers
 * where they tell (stopping, form or multipart content, a Content-Length over maxBodySize, a missing or malformed
 * signature). Otherwise its body is received without holding a thread, within maxBodySize, a read deadline and the
 * bound of unverified bytes ({@link WebhookBodyRead}), before the consumer sees the request: platform-http's binding
 * would read the whole body on its executor, with no limit, and past Spring MVC's async timeout.
 */
public class WaapiWebhookInterceptor implements HandlerInterceptor {

    private static final String RECEIVED = WaapiWebhookInterceptor.class.getName() + ".received";

    private final ObjectProvider<CamelContext> camelContext;

    /**
     * The read deadline ({@code bodyReadTimeout}) and the bound of unverified bytes ({@code maxUnverifiedBytes}) are
     * the matched consumer's own options, as on every other host.
     */
    public WaapiWebhookInterceptor(ObjectProvider<CamelContext> camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getAttribute(RECEIVED) != null) {
            // the dispatch of a request whose body was received here, or Spring MVC's own dispatch of its answer
            return true;
        }
        WebhookGate gate = gateOf(request, handler);
        if (gate == null) {
            return true;
        }
        if (gate.refuseFromHeaders(request.getHeader("Content-Length"), request.getContentType(),
                request.getHeader(WebhookSignature.HEADER),
                WebhookAnswers.closing(() -> request.startAsync(request, response)))) {
            return false;
        }
        WebhookBodyRead read = new WebhookBodyRead(request, gate);
        request.setAttribute(RECEIVED, Boolean.TRUE);
        read.start(request.startAsync(read.request(), response), gate.bodyReadTimeout().toMillis());
        return false;
    }

    /** The gate of the webhook consumer Spring MVC matched the request to, or null for any other handler. */
    private WebhookGate gateOf(HttpServletRequest request, Object handler) {
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !(method.getBean() instanceof PlatformHttpConsumer consumer)) {
            return null;
        }
        CamelContext context = camelContext.getIfAvailable();
        return context != null ? WebhookGate.of(context, consumer.getEndpoint().getPath()) : null;
    }
}
