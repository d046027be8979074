package com.easycrm4u.camel.waapi.operation;

import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * An operation that sends a request model of type {@code R}: the body is read into {@code R} (typed, {@code Map},
 * {@code JsonNode} or a convenience form), endpoint options fill what the body left empty, headers override both, and
 * the result is validated before anything is sent.
 */
abstract class RequestOperation<R> implements OperationHandler {

    private final String uri;
    private final String method;
    private final String path;
    private final Class<R> requestType;

    RequestOperation(String uri, String method, String path, Class<R> requestType) {
        this.uri = uri;
        this.method = method;
        this.path = path;
        this.requestType = requestType;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public R buildRequest(Exchange exchange, WaapiConfiguration configuration, ObjectMapper mapper) {
        Message message = exchange.getMessage();
        R request = readBody(exchange, message.getBody(), configuration, mapper);
        // headers first: options only fill what is still empty, and may depend on a header (the type of cloud/send)
        applyHeaders(request, message, mapper);
        applyOptions(request, configuration);
        validate(request);
        return request;
    }

    /**
     * The request built from a body that is neither the request type, a {@code Map} nor a {@code JsonNode}; null when
     * the operation has no convenience form for it.
     */
    protected R fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        return null;
    }

    /** Fills the fields the body left empty from the endpoint options. */
    protected abstract void applyOptions(R request, WaapiConfiguration configuration);

    /** Overrides fields with the message headers that are set. */
    protected abstract void applyHeaders(R request, Message message, ObjectMapper mapper);

    /** Throws {@link WaapiValidationException} naming the first field at fault. */
    protected abstract void validate(R request);

    private R readBody(Exchange exchange, Object body, WaapiConfiguration configuration, ObjectMapper mapper) {
        if (body == null) {
            return newRequest(mapper);
        }
        if (requestType.isInstance(body) || body instanceof Map || body instanceof JsonNode) {
            // a copy, so the caller's object is never changed by headers and options
            return convert(body, mapper);
        }
        R convenient = fromConvenienceBody(body, exchange.getMessage(), configuration);
        if (convenient != null) {
            return convenient;
        }
        if (body instanceof CharSequence || body instanceof byte[] || body instanceof WrappedFile) {
            String json = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body);
            if (json != null && json.trim().startsWith("{")) {
                try {
                    return mapper.readValue(json, requestType);
                } catch (Exception e) {
                    throw new WaapiValidationException(
                            "body", "The body of waapi:" + uri + " is not a JSON "
                                    + requestType.getSimpleName() + ": " + firstLine(e));
                }
            }
        }
        throw new WaapiValidationException(
                "body", "waapi:" + uri + " cannot send a body of type "
                        + body.getClass().getName() + "; use " + requestType.getSimpleName()
                        + ", a Map or a JsonNode" + convenienceHint());
    }

    /** How the convenience form of this operation reads, for error messages. */
    protected String convenienceHint() {
        return "";
    }

    private R convert(Object body, ObjectMapper mapper) {
        try {
            return mapper.convertValue(body, requestType);
        } catch (IllegalArgumentException e) {
            throw new WaapiValidationException(
                    "body", "The body of waapi:" + uri + " does not have the JSON shape of "
                            + requestType.getSimpleName() + ": " + firstLine(e));
        }
    }

    private R newRequest(ObjectMapper mapper) {
        return mapper.convertValue(Map.of(), requestType);
    }

    /** The first line of Jackson's explanation: the rest quotes the source, which may be long. */
    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null ? null : message.lines().findFirst().orElse("");
    }
}
