package com.easycrm4u.camel.waapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.easycrm4u.camel.waapi.webhook.InvalidWebhookPayloadException;
import com.easycrm4u.camel.waapi.webhook.WebhookEnvelopes;
import com.easycrm4u.camel.waapi.webhook.WebhookHttpServer;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessagesValue;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookChange;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEntry;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookMetadata;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code waapi:webhook} consumer: registers a POST path on Camel's HTTP server SPI and turns each signed delivery
 * into fresh exchanges of the route. A delivery is answered 200 only after the route finished with success, 5xx when it
 * failed (so WAAPI sends it again), and is routed at most once per {@code X-WAAPI-Delivery} id while it succeeds.
 */
public class WaapiWebhookConsumer extends DefaultConsumer {

    public static final String HEADER_EVENT = "X-WAAPI-Event";
    public static final String HEADER_DELIVERY = "X-WAAPI-Delivery";

    private static final Logger LOG = LoggerFactory.getLogger(WaapiWebhookConsumer.class);
    private static final String JSON = "application/json";
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Set<String> deliveriesInFlight = ConcurrentHashMap.newKeySet();
    private Set<String> acceptedEvents;
    private IdempotentRepository deliveryRepository;
    private boolean ownsDeliveryRepository;
    private Consumer httpConsumer;

    public WaapiWebhookConsumer(WaapiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public WaapiEndpoint getEndpoint() {
        return (WaapiEndpoint) super.getEndpoint();
    }

    private WaapiConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        WaapiConfiguration configuration = configuration();
        if (configuration.isVerifySignature()) {
            if (configuration.getWebhookVerifyToken() == null || configuration.getWebhookVerifyToken().isBlank()) {
                throw new IllegalStateException(
                        "waapi:webhook needs the API key's webhookVerifyToken to verify X-Hub-Signature-256: set it on the "
                                                + "endpoint or the component (camel.component.waapi.webhook-verify-token); "
                                                + "only for local tests, verifySignature=false turns verification off");
            }
        } else {
            LOG.warn("waapi:webhook on {} does NOT verify X-Hub-Signature-256 (verifySignature=false): anyone who can reach "
                     + "this path can inject events into the route. Never run like this in production.",
                    configuration.getPath());
        }
        if (configuration.getMaxBodySize() <= 0) {
            throw new IllegalArgumentException("maxBodySize must be positive, was " + configuration.getMaxBodySize());
        }
        acceptedEvents = parseEvents(configuration.getEvents());

        deliveryRepository = configuration.getIdempotentRepository();
        ownsDeliveryRepository = deliveryRepository == null;
        if (ownsDeliveryRepository) {
            deliveryRepository = MemoryIdempotentRepository.memoryIdempotentRepository(configuration.getIdempotentCacheSize());
        }
        ServiceHelper.startService(deliveryRepository);

        RestConsumerFactory factory
                = WebhookHttpServer.resolve(getEndpoint().getCamelContext(), getEndpoint().getComponent().getWebhookComponentName());
        httpConsumer = factory.createConsumer(getEndpoint().getCamelContext(), new DeliveryProcessor(), "POST",
                configuration.getPath(), null, null, null, getEndpoint().getCamelContext().getRestConfiguration(),
                Collections.emptyMap());
        ServiceHelper.startService(httpConsumer);
        LOG.info("waapi:webhook receives deliveries on POST {} (signature verification {}, split={}, events={})",
                configuration.getPath(), configuration.isVerifySignature() ? "on" : "OFF", configuration.isSplit(),
                acceptedEvents.isEmpty() ? "all" : acceptedEvents);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        if (ownsDeliveryRepository) {
            ServiceHelper.stopService(deliveryRepository);
        }
        deliveryRepository = null;
        deliveriesInFlight.clear();
        super.doStop();
    }

    private static Set<String> parseEvents(String events) {
        if (events == null || events.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(events.split(",")).map(String::trim).filter(event -> !event.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Handles one HTTP request of the host; the route runs on fresh exchanges, the HTTP exchange only gets the answer. */
    private final class DeliveryProcessor extends AsyncProcessorSupport {

        @Override
        public boolean process(Exchange http, AsyncCallback callback) {
            try {
                return receive(http, callback);
            } catch (Exception e) {
                // never leave the sender without an answer
                LOG.warn("waapi:webhook could not handle a delivery: {}", e.toString());
                respond(http, 500, error("the delivery could not be processed; send it again"));
                callback.done(true);
                return true;
            }
        }

        private boolean receive(Exchange http, AsyncCallback callback) throws Exception {
            WaapiConfiguration configuration = configuration();
            Message request = http.getMessage();
            String signature = request.getHeader(WebhookSignature.HEADER, String.class);
            String eventType = blankToNull(request.getHeader(HEADER_EVENT, String.class));
            String deliveryId = blankToNull(request.getHeader(HEADER_DELIVERY, String.class));

            byte[] body = readBody(request, configuration.getMaxBodySize());
            if (body == null) {
                LOG.warn("waapi:webhook refused a delivery on {}: body over maxBodySize ({} bytes)", configuration.getPath(),
                        configuration.getMaxBodySize());
                return answer(http, callback, 413, error("the body is larger than " + configuration.getMaxBodySize() + " bytes"));
            }
            if (configuration.isVerifySignature()
                    && !WebhookSignature.verify(body, signature, configuration.getWebhookVerifyToken())) {
                LOG.warn("waapi:webhook refused a delivery on {}: X-Hub-Signature-256 {}", configuration.getPath(),
                        describeBadSignature(signature));
                return answer(http, callback, 401, error("invalid or missing X-Hub-Signature-256"));
            }
            WebhookEnvelope envelope;
            try {
                envelope = WebhookEnvelopes.parse(body, getEndpoint().getObjectMapper());
            } catch (InvalidWebhookPayloadException e) {
                LOG.warn("waapi:webhook refused delivery {} on {}: {}", deliveryId, configuration.getPath(), e.getMessage());
                return answer(http, callback, 400, error(e.getMessage()));
            }
            if (!acceptedEvents.isEmpty() && (eventType == null || !acceptedEvents.contains(eventType))) {
                LOG.debug("waapi:webhook acknowledged delivery {} of event {} without routing it (events={})", deliveryId,
                        eventType, acceptedEvents);
                return answer(http, callback, 200, ok());
            }
            List<RoutedMessage> messages = routedMessages(envelope, eventType, deliveryId, body);
            if (deliveryId == null) {
                LOG.debug("waapi:webhook delivery without {} header: routed without de-duplication", HEADER_DELIVERY);
            } else if (!deliveriesInFlight.add(deliveryId)) {
                // the same delivery is still being routed here: it must neither run twice nor be acknowledged before the
                // first attempt finished; 503 is retried by the sender, by then the first attempt has its answer
                LOG.debug("waapi:webhook delivery {} is already being routed; answered 503", deliveryId);
                respond(http, 503, error("this delivery is being processed; send it again later"));
                http.getMessage().setHeader("Retry-After", RETRY_AFTER_SECONDS);
                callback.done(true);
                return true;
            } else if (!addToRepository(deliveryId)) {
                deliveriesInFlight.remove(deliveryId);
                LOG.debug("waapi:webhook delivery {} was already processed; acknowledged without routing it", deliveryId);
                return answer(http, callback, 200, ok());
            }
            return new Delivery(http, callback, deliveryId, eventType, messages).routeNext(true);
        }

        private boolean addToRepository(String deliveryId) {
            try {
                return deliveryRepository.add(deliveryId);
            } catch (RuntimeException e) {
                deliveriesInFlight.remove(deliveryId);
                throw e;
            }
        }
    }

    private List<RoutedMessage> routedMessages(WebhookEnvelope envelope, String eventType, String deliveryId, byte[] body) {
        if (!configuration().isSplit()) {
            Map<String, Object> headers = commonHeaders(eventType, deliveryId, body);
            WebhookEntry firstEntry = envelope.getEntry().isEmpty() ? null : envelope.getEntry().get(0);
            if (firstEntry != null) {
                headers.put(WaapiConstants.WABA_ID, firstEntry.getId());
                putIfNotNull(headers, WaapiConstants.PHONE_NUMBER_ID, firstPhoneNumberId(firstEntry));
            }
            return List.of(new RoutedMessage(envelope, headers));
        }
        return WebhookEnvelopes.split(envelope).stream()
                .map(event -> new RoutedMessage(event, eventHeaders(event, commonHeaders(eventType, deliveryId, body))))
                .toList();
    }

    private static Map<String, Object> commonHeaders(String eventType, String deliveryId, byte[] body) {
        Map<String, Object> headers = new LinkedHashMap<>();
        putIfNotNull(headers, WaapiConstants.EVENT_TYPE, eventType);
        putIfNotNull(headers, WaapiConstants.DELIVERY_ID, deliveryId);
        headers.put(WaapiConstants.RAW_BODY, body);
        return headers;
    }

    private static Map<String, Object> eventHeaders(WebhookEvent event, Map<String, Object> headers) {
        headers.put(WaapiConstants.EVENT_KIND, event.getKind());
        putIfNotNull(headers, WaapiConstants.WABA_ID, event.getWabaId());
        if (event instanceof InboundMessageEvent message) {
            putIfNotNull(headers, WaapiConstants.PHONE_NUMBER_ID, phoneNumberId(message.getMetadata()));
            putIfNotNull(headers, WaapiConstants.FROM, message.getMessage().getFrom());
            putIfNotNull(headers, WaapiConstants.MESSAGE_ID, message.getMessage().getId());
            putIfNotNull(headers, WaapiConstants.INBOUND_MESSAGE_TYPE, message.getMessage().getType());
        } else if (event instanceof MessageStatusEvent status) {
            putIfNotNull(headers, WaapiConstants.PHONE_NUMBER_ID, phoneNumberId(status.getMetadata()));
            putIfNotNull(headers, WaapiConstants.MESSAGE_ID, status.getStatus().getId());
            putIfNotNull(headers, WaapiConstants.STATUS, status.getStatus().getStatus());
        } else if (event instanceof TemplateStatusEvent template) {
            putIfNotNull(headers, WaapiConstants.STATUS, template.getUpdate().getEvent());
        }
        return headers;
    }

    private static String firstPhoneNumberId(WebhookEntry entry) {
        if (entry.getChanges() != null) {
            for (WebhookChange change : entry.getChanges()) {
                if (change.getValue() instanceof MessagesValue value && phoneNumberId(value.getMetadata()) != null) {
                    return phoneNumberId(value.getMetadata());
                }
            }
        }
        return null;
    }

    private static String phoneNumberId(WebhookMetadata metadata) {
        return metadata != null ? metadata.getPhoneNumberId() : null;
    }

    private static void putIfNotNull(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    /** One exchange to route: a body and its headers. */
    private record RoutedMessage(Object body, Map<String, Object> headers) {
    }

    /**
     * Routes the exchanges of one delivery one after another without blocking; the first failure stops it, and the
     * HTTP answer is written once, when all have finished or one failed.
     */
    private final class Delivery {

        private final Exchange http;
        private final AsyncCallback callback;
        private final String deliveryId;
        private final String eventType;
        private final List<RoutedMessage> messages;
        private int next;

        Delivery(Exchange http, AsyncCallback callback, String deliveryId, String eventType, List<RoutedMessage> messages) {
            this.http = http;
            this.callback = callback;
            this.deliveryId = deliveryId;
            this.eventType = eventType;
            this.messages = messages;
        }

        /**
         * Routes the remaining messages.
         *
         * @param  sync whether this runs on the thread that received the request (not in an asynchronous callback)
         * @return      true when the delivery was answered on this thread
         */
        boolean routeNext(boolean sync) {
            while (next < messages.size()) {
                RoutedMessage message = messages.get(next++);
                Exchange exchange = createExchange(false);
                exchange.getMessage().setBody(message.body());
                exchange.getMessage().getHeaders().putAll(message.headers());
                boolean doneSync;
                try {
                    doneSync = getAsyncProcessor().process(exchange, exchangeDoneSync -> {
                        if (!exchangeDoneSync && routed(exchange, false)) {
                            routeNext(false);
                        }
                    });
                } catch (Exception e) {
                    exchange.setException(e);
                    doneSync = true;
                }
                if (!doneSync) {
                    return false;
                }
                if (!routed(exchange, sync)) {
                    return sync;
                }
            }
            finish(null, sync);
            return sync;
        }

        /** Whether the exchange succeeded; a failure answers the delivery. */
        private boolean routed(Exchange exchange, boolean sync) {
            Exception failure = exchange.getException();
            if (failure == null && exchange.isRollbackOnly()) {
                failure = new IllegalStateException("the route marked the exchange rollback-only");
            }
            releaseExchange(exchange, false);
            if (failure != null) {
                finish(failure, sync);
                return false;
            }
            return true;
        }

        private void finish(Exception failure, boolean sync) {
            if (deliveryId != null) {
                try {
                    if (failure == null) {
                        deliveryRepository.confirm(deliveryId);
                    } else {
                        // forget it, so the sender's retry is routed
                        deliveryRepository.remove(deliveryId);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("waapi:webhook could not update the delivery repository for delivery {}: {}", deliveryId,
                            e.toString());
                } finally {
                    deliveriesInFlight.remove(deliveryId);
                }
            }
            if (failure == null) {
                respond(http, 200, ok());
            } else {
                LOG.warn("waapi:webhook delivery {} (event {}) failed in the route and is answered 500 so it is sent again: {}",
                        deliveryId, eventType, failure.toString());
                respond(http, 500, error("the route failed to process the delivery; send it again"));
            }
            callback.done(sync);
        }
    }

    /**
     * The exact request bytes, or null when there are more than maxBodySize. Hosts hand the body over as bytes, a
     * buffer or a stream; a stream is read no further than maxBodySize + 1.
     */
    static byte[] readBody(Message request, long maxBodySize) throws IOException, InvalidPayloadException {
        if (declaredLength(request) > maxBodySize) {
            return null;
        }
        Object body = request.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] array) {
            bytes = array;
        } else if (body instanceof InputStream stream) {
            try (stream) {
                bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodySize + 1));
            }
        } else if (body instanceof String text) {
            // a host that decoded the body already; a text body's bytes are only exact in its charset
            String charset = request.getExchange().getProperty(Exchange.CHARSET_NAME, String.class);
            bytes = text.getBytes(charset != null ? Charset.forName(charset) : StandardCharsets.UTF_8);
        } else {
            bytes = request.getMandatoryBody(byte[].class);
        }
        return bytes.length > maxBodySize ? null : bytes;
    }

    private static long declaredLength(Message request) {
        String contentLength = request.getHeader(Exchange.CONTENT_LENGTH, String.class);
        try {
            return contentLength != null ? Long.parseLong(contentLength.trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describeBadSignature(String signature) {
        if (signature == null || signature.isEmpty()) {
            return "missing";
        }
        if (!signature.startsWith(WebhookSignature.PREFIX) || signature.length() != WebhookSignature.PREFIX.length() + 64) {
            return "malformed (not sha256= and 64 hex digits)";
        }
        return "does not match the body";
    }

    private boolean answer(Exchange http, AsyncCallback callback, int status, String json) {
        respond(http, status, json);
        callback.done(true);
        return true;
    }

    /** Replaces the request on the HTTP exchange with the answer, so no request header is echoed back. */
    private void respond(Exchange http, int status, String json) {
        Message answer = http.getMessage();
        answer.getHeaders().clear();
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        answer.setHeader(Exchange.CONTENT_TYPE, JSON);
        answer.setBody(json);
        http.setException(null);
    }

    private static String ok() {
        return "{\"ok\":true}";
    }

    private String error(String message) {
        try {
            return getEndpoint().getObjectMapper().writeValueAsString(Map.of("ok", false, "error", message));
        } catch (JsonProcessingException e) {
            return "{\"ok\":false}";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
