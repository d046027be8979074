package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.webhook.InvalidWebhookPayloadException;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one HTTP request of the host for a webhook consumer: admission from the headers, the body read within
 * maxBodySize, the signature checked over the exact bytes, the events read and routed (each once) on fresh exchanges;
 * the HTTP exchange only gets the answer, which every path writes exactly once.
 */
public final class WebhookProcessor extends AsyncProcessorSupport {

    /** The request header with the event type. */
    public static final String HEADER_EVENT = "X-WAAPI-Event";
    /** The request header with the (unsigned) delivery id: for the route and the logs, never a key. */
    public static final String HEADER_DELIVERY = "X-WAAPI-Delivery";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);

    private final Consumer consumer;
    private final AsyncProcessor route;
    private final String path;
    private final boolean verifySignature;
    private final List<String> verifyTokens;
    private final WebhookEventFilter eventFilter;
    private final WebhookAdmission admission;
    private final InflightDeliveries inflight;
    private final WebhookEventReader eventReader;
    private final WebhookDeduplicator deduplicator;

    /**
     * What the endpoint configured.
     *
     * @param path            the path, for log lines
     * @param verifySignature whether X-Hub-Signature-256 is checked
     * @param verifyTokens    the valid verify tokens, more than one while a key is rotated
     * @param acceptedEvents  the X-WAAPI-Event values to route; empty routes all
     * @param split           one exchange per event (true) or per delivery (false)
     * @param mapper          reads the events
     */
    public record Settings(String path, boolean verifySignature, List<String> verifyTokens, Set<String> acceptedEvents,
            boolean split, ObjectMapper mapper) {

        /** Without the verify tokens: they are secrets. */
        @Override
        public String toString() {
            return "Settings[path=" + path + ", verifySignature=" + verifySignature + ", verifyTokens=" + verifyTokens.size()
                   + " (not shown), acceptedEvents=" + acceptedEvents + ", split=" + split + "]";
        }
    }

    /**
     * @param consumer creates and releases the route's exchanges
     * @param route    the route
     */
    public WebhookProcessor(Consumer consumer, AsyncProcessor route, Settings settings, WebhookAdmission admission,
                            InflightDeliveries inflight, WebhookDeduplicator deduplicator) {
        this.consumer = consumer;
        this.route = route;
        this.path = settings.path();
        this.verifySignature = settings.verifySignature();
        this.verifyTokens = List.copyOf(settings.verifyTokens());
        this.eventFilter = new WebhookEventFilter(path, settings.acceptedEvents());
        this.admission = admission;
        this.inflight = inflight;
        this.eventReader = new WebhookEventReader(settings.mapper(), settings.split());
        this.deduplicator = deduplicator;
    }

    /** Where the response to a delivery goes, exactly once, on whatever thread has it. */
    public interface Responder {
        void respond(WebhookResponse response);
    }

    /**
     * Admits a request from its headers alone, before a byte of its body is read.
     *
     * @return the answer that refuses it, recorded as its outcome; or null when its body may be read, in which case the
     *         request counts as in flight until {@link #complete} or {@link #received} has answered it
     */
    public WebhookResponse admit(String contentLength, String contentType, String signature) {
        WebhookResponse refusal = admission.admit(contentLength, contentType, signature);
        if (refusal == null && !inflight.tryBegin()) {
            refusal = admission.answer(WebhookOutcome.UNAVAILABLE);
        }
        return refusal;
    }

    /**
     * Ends an admitted request with this outcome (its body could not be read, or it was handled): records the outcome,
     * counts the request out of flight and gives its answer.
     */
    public WebhookResponse complete(WebhookOutcome outcome) {
        try {
            return admission.answer(outcome);
        } finally {
            inflight.end();
        }
    }

    /** The receiver's limits, and what it holds now. */
    public WebhookLimits limits() {
        return admission.limits();
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        Message request = http.getMessage();
        WebhookResponse refusal = admit(request.getHeader(Exchange.CONTENT_LENGTH, String.class),
                request.getHeader(Exchange.CONTENT_TYPE, String.class), signature(request));
        if (refusal != null) {
            WebhookBodyReader.leaveUnread(request);
            respond(http, refusal);
            callback.done(true);
            return true;
        }
        AnswerOnce answer = new AnswerOnce(http, callback);
        WebhookBodyReader.Body body;
        try {
            body = WebhookBodyReader.read(request, admission.limits());
        } catch (Exception e) {
            // the message of what failed may quote the request, so only its type
            LOG.warn("waapi:webhook on {} could not read a delivery: {}", path, e.getClass().getName());
            body = new WebhookBodyReader.Body(null, WebhookOutcome.FAILED);
        }
        received(body, request.getHeader(HEADER_EVENT, String.class), request.getHeader(HEADER_DELIVERY, String.class),
                signature(request), answer, Runnable::run);
        return answer.returned();
    }

    /**
     * Gives the HTTP exchange its answer and tells Camel whether that happened before {@link #process} returned (then
     * synchronously, as the AsyncProcessor contract has it), whichever thread the answer comes from.
     */
    private static final class AnswerOnce implements Responder {

        private static final int PROCESSING = 0;
        private static final int ANSWERED_WHILE_PROCESSING = 1;
        private static final int RETURNED = 2;

        private final Exchange http;
        private final AsyncCallback callback;
        private final AtomicInteger state = new AtomicInteger(PROCESSING);

        AnswerOnce(Exchange http, AsyncCallback callback) {
            this.http = http;
            this.callback = callback;
        }

        @Override
        public void respond(WebhookResponse response) {
            WebhookProcessor.respond(http, response);
            callback.done(state.compareAndSet(PROCESSING, ANSWERED_WHILE_PROCESSING));
        }

        /** process() returns: true when the answer was given already. */
        boolean returned() {
            return !state.compareAndSet(PROCESSING, RETURNED);
        }
    }

    /**
     * Handles the body of an admitted request on every host, the same way: a body the reading refused is answered with
     * that refusal; the signature is checked over its exact bytes, on this thread (cheap: one HMAC per verify token),
     * so a forged body never waits for a worker; only then is the delivery handed to the worker, where its events are
     * read and routed (each once) and the answer is given once, when the last event has its outcome. The route may
     * block, so a host whose thread must not block (Vert.x's event loop) passes a worker that queues the delivery for a
     * worker thread (and answers the request itself when it cannot); other hosts run it on their thread.
     *
     * @param eventType  the X-WAAPI-Event header, or null
     * @param deliveryId the X-WAAPI-Delivery header, or null
     * @param signature  the X-Hub-Signature-256 header, or null
     */
    public void received(
            WebhookBodyReader.Body body, String eventType, String deliveryId, String signature, Responder responder,
            Executor worker) {
        if (body.refusal() != null) {
            finish(responder, body.refusal());
            return;
        }
        WebhookOutcome refusal;
        try {
            refusal = checkSignature(body.bytes(), signature);
        } catch (RuntimeException e) {
            LOG.warn("waapi:webhook on {} could not check a signature: {}", path, e.getClass().getName());
            refusal = WebhookOutcome.FAILED;
        }
        if (refusal != null) {
            finish(responder, refusal);
            return;
        }
        worker.execute(() -> deliverVerified(eventType, deliveryId, body.bytes(), responder));
    }

    /**
     * Checks the signature over the exact bytes of a body, before anything else is done with it (cheap enough for an
     * event loop: one HMAC per verify token).
     *
     * @return the refusal, or null when the body may be routed (also when verification is off)
     */
    private WebhookOutcome checkSignature(byte[] body, String signature) {
        return verifySignature && !WebhookSignature.verifyAny(body, signature, verifyTokens)
                ? WebhookOutcome.SIGNATURE_MISMATCH
                : null;
    }

    /**
     * Handles the body of an admitted request whose signature {@link #checkSignature} accepted: the events read and
     * routed (each once), the answer given once, when the last event has its outcome.
     */
    private void deliverVerified(String eventType, String deliveryId, byte[] body, Responder responder) {
        try {
            receive(blankToNull(eventType), blankToNull(deliveryId), body, responder);
        } catch (RuntimeException e) {
            // never leave the sender without an answer; the message of what failed may quote the request, so only its type
            LOG.warn("waapi:webhook on {} could not handle a delivery: {}", path, e.getClass().getName());
            finish(responder, WebhookOutcome.FAILED);
        }
    }

    private void receive(String eventType, String deliveryId, byte[] body, Responder responder) {
        if (!eventFilter.accepts(eventType, deliveryId)) {
            finish(responder, WebhookOutcome.FILTERED);
            return;
        }
        List<WebhookEventReader.RoutableEvent> events;
        try {
            events = eventReader.read(body, new WebhookHeaders(eventType, deliveryId, body));
        } catch (InvalidWebhookPayloadException e) {
            finish(responder, WebhookOutcome.NOT_JSON);
            return;
        }
        new EventRouting(consumer, route, deduplicator, events, (outcome, failure) -> {
            if (outcome == WebhookOutcome.ROUTE_FAILED) {
                LOG.warn("waapi:webhook on {}: delivery {} (event {}) failed in the route ({}) and is answered 500, so it is "
                         + "sent again",
                        path, WebhookHeaders.forLog(deliveryId), WebhookHeaders.forLog(eventType),
                        failure.getClass().getName());
            } else if (outcome == WebhookOutcome.FAILED) {
                LOG.warn("waapi:webhook on {}: delivery {} could not be recorded in the idempotent repository ({}) and is "
                         + "answered 500, so it is sent again",
                        path, WebhookHeaders.forLog(deliveryId), failure.getClass().getName());
            }
            finish(responder, outcome);
        }).routeNext();
    }

    private void finish(Responder responder, WebhookOutcome outcome) {
        responder.respond(complete(outcome));
    }

    /** Replaces the request on the HTTP exchange with the answer, so no request header is echoed back. */
    private static void respond(Exchange http, WebhookResponse answer) {
        Message message = http.getMessage();
        message.getHeaders().clear();
        answer.writeTo((status, headers, json) -> {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            headers.forEach(message::setHeader);
            message.setBody(json);
        }, false);
    }

    private static String signature(Message request) {
        return request.getHeader(WebhookSignature.HEADER, String.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
