package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.easycrm4u.camel.waapi.model.QrLocationMessage;

/** {@code waapi:qr/location}: a location pin; latitude and longitude are required. */
final class QrLocationOperation extends QrSendOperation<QrLocationMessage> {

    QrLocationOperation(String uri) {
        super(uri, "/whatsapp-qr/messages/location", QrLocationMessage.class);
    }

    @Override
    protected void validateMessage(QrLocationMessage request) {
        Fields.required("latitude", request.getLatitude(), uri());
        Fields.required("longitude", request.getLongitude(), uri());
        if (Math.abs(request.getLatitude()) > 90) {
            throw new WaapiValidationException("latitude", "waapi:" + uri() + ": 'latitude' must be between -90 and 90");
        }
        if (Math.abs(request.getLongitude()) > 180) {
            throw new WaapiValidationException("longitude", "waapi:" + uri() + ": 'longitude' must be between -180 and 180");
        }
    }
}
