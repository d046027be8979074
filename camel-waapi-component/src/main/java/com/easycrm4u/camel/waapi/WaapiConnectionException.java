package com.easycrm4u.camel.waapi;

/**
 * The call got no answer: connection refused or reset, TLS failure, or a timeout. Retryable, but the component does
 * not re-send by itself: the request may have been processed.
 */
public class WaapiConnectionException extends WaapiException {

    public WaapiConnectionException(String message, Throwable cause) {
        super(message, cause, 0, null, null, true, null);
    }
}
