package com.easycrm4u.camel.waapi;

/**
 * The request was never sent: the connection was refused or timed out while connecting, the host could not be resolved,
 * or the TLS handshake failed. The API cannot have processed it, so it is retryable.
 *
 * @see WaapiOutcomeUnknownException for failures after the request may have been sent
 */
public class WaapiConnectionException extends WaapiException {

    private static final long serialVersionUID = 1L;

    public WaapiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
