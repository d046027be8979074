package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.easycrm4u.camel.waapi.model.QrOutgoingMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/**
 * A send from a WhatsApp QR session: the session is chosen by {@code sessionId} or by {@code fromPhoneNo}.
 */
abstract class QrSendOperation<R extends QrOutgoingMessage> extends SendOperation<R> {

    QrSendOperation(String uri, String path, Class<R> requestType) {
        super(uri, path, requestType);
    }

    @Override
    protected final void applyMessageOptions(R request, WaapiConfiguration configuration) {
        request.setSessionId(Fields.first(request.getSessionId(), configuration.getSessionId()));
        applyQrOptions(request, configuration);
    }

    @Override
    protected final void applyMessageHeaders(R request, Message message, ObjectMapper mapper) {
        request.setSessionId(Fields.header(message, WaapiConstants.SESSION_ID, String.class, request.getSessionId()));
        applyQrHeaders(request, message);
    }

    @Override
    protected final void validate(R request) {
        Fields.phoneNumber("to", request.getTo(), uri());
        if (Fields.first(request.getSessionId()) == null) {
            if (Fields.first(request.getFromPhoneNo()) == null) {
                throw new WaapiValidationException("fromPhoneNo",
                        "waapi:" + uri() + " needs 'fromPhoneNo' (the connected QR number) or 'sessionId'");
            }
            Fields.phoneNumber("fromPhoneNo", request.getFromPhoneNo(), uri());
        } else if (Fields.first(request.getFromPhoneNo()) != null) {
            Fields.phoneNumber("fromPhoneNo", request.getFromPhoneNo(), uri());
        }
        validateMessage(request);
    }

    protected void applyQrOptions(R request, WaapiConfiguration configuration) {
    }

    protected void applyQrHeaders(R request, Message message) {
    }
}
