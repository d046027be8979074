package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.OutgoingMessage;
import com.easycrm4u.camel.waapi.model.SendResult;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A send: recipient and sending number are merged and checked here; the answer's {@code data} becomes a
 * {@link SendResult}.
 */
abstract class SendOperation<R extends OutgoingMessage> extends RequestOperation<R> {

    private static final JavaType SEND_ANSWER = ResultReader.dataOf(SendResult.class);

    SendOperation(String uri, String path, Class<R> requestType) {
        super(uri, "POST", path, requestType);
    }

    @Override
    public final boolean sendsMessage() {
        return true;
    }

    @Override
    protected final void applyOptions(R request, WaapiConfiguration configuration) {
        request.setFromPhoneNo(Fields.first(request.getFromPhoneNo(), defaultFromPhoneNo(request, configuration)));
        applyMessageOptions(request, configuration);
    }

    /** The sending number used when the message names none: the {@code fromPhoneNo} option. */
    protected String defaultFromPhoneNo(R request, WaapiConfiguration configuration) {
        return configuration.getFromPhoneNo();
    }

    @Override
    protected final void applyHeaders(R request, Message message, ObjectMapper mapper) {
        request.setTo(Fields.header(message, WaapiConstants.TO, String.class, request.getTo()));
        request.setFromPhoneNo(Fields.header(message, WaapiConstants.FROM_PHONE_NO, String.class, request.getFromPhoneNo()));
        applyMessageHeaders(request, message, mapper);
    }

    @Override
    protected void validate(R request) {
        Fields.phoneNumber("to", request.getTo(), uri());
        Fields.phoneNumber("fromPhoneNo", request.getFromPhoneNo(), uri());
        validateMessage(request);
    }

    protected abstract void applyMessageOptions(R request, WaapiConfiguration configuration);

    protected abstract void applyMessageHeaders(R request, Message message, ObjectMapper mapper);

    protected abstract void validateMessage(R request);

    @Override
    public void applyResult(Exchange exchange, byte[] answer, ObjectMapper mapper) {
        setResult(exchange.getMessage(), ResultReader.data(mapper, answer, SEND_ANSWER));
    }

    static void setResult(Message message, SendResult result) {
        message.setBody(result);
        if (result == null) {
            return;
        }
        if (result.getMessageId() != null) {
            message.setHeader(WaapiConstants.MESSAGE_ID, result.getMessageId());
        }
        if (result.getStatus() != null) {
            message.setHeader(WaapiConstants.MESSAGE_STATUS, result.getStatus());
        }
    }
}
