package com.easycrm4u.camel.waapi.client;

/**
 * A transport's word that a request never left this process: no connection could be had (refused, not resolved, TLS
 * handshake failed, or none became free in time). Safe to send again.
 */
public final class NotSentException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, in words that finish "was not sent: ...", e.g. "no connection to host:443 became free within
     *               30000 ms (requestTimeout)"; null to let the cause tell
     */
    public NotSentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
