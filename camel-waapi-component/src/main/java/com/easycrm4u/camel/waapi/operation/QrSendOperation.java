package com.easycrm4u.camel.waapi.operation;

import java.util.regex.Pattern;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.easycrm4u.camel.waapi.model.QrOutgoingMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/**
 * A send from a WhatsApp QR session: the session is chosen by {@code sessionId} or by {@code fromPhoneNo}. A
 * {@code sessionId} on the message (body or header) chooses the session by itself: the {@code fromPhoneNo} option is
 * then not added, while a {@code fromPhoneNo} on the message still is. The recipient may be a phone number or its
 * WhatsApp JID ({@code 917890000198@s.whatsapp.net}), sent as given.
 */
abstract class QrSendOperation<R extends QrOutgoingMessage> extends SendOperation<R> {

    private static final String JID_SUFFIX = "@s.whatsapp.net";
    /** A WhatsApp user JID: the E.164 digits without the plus, as the API's answers and webhooks carry it. */
    private static final Pattern JID = Pattern.compile("[1-9]\\d{6,14}" + Pattern.quote(JID_SUFFIX));

    QrSendOperation(String uri, String path, Class<R> requestType) {
        super(uri, path, requestType);
    }

    /** Runs before the options are applied: a session id set now came with the message. */
    @Override
    protected final String defaultFromPhoneNo(R request, WaapiConfiguration configuration) {
        return Fields.first(request.getSessionId()) != null ? null : configuration.getFromPhoneNo();
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
        String to = request.getTo();
        if (to != null && to.endsWith(JID_SUFFIX)) {
            if (!JID.matcher(to).matches()) {
                throw new WaapiValidationException(
                        "to", "waapi:" + uri() + ": 'to' must be a phone number in E.164 "
                              + "or its WhatsApp JID (e.g. 917890000198" + JID_SUFFIX
                              + "), not '" + to + "'");
            }
        } else {
            Fields.phoneNumber("to", to, uri());
        }
        if (Fields.first(request.getSessionId()) == null) {
            if (Fields.first(request.getFromPhoneNo()) == null) {
                throw new WaapiValidationException(
                        "fromPhoneNo",
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
