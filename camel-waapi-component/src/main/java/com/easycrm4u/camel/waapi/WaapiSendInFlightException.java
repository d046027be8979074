package com.easycrm4u.camel.waapi;

/**
 * Nothing was sent: the send-once key of the exchange ({@link WaapiConstants#SEND_ONCE_KEY}) is claimed by another send
 * that is still in flight, on another exchange, thread or node sharing the {@code sendOnceRepository}. Retryable: a
 * retry after that send has finished finds the key sent (the exchange is then marked
 * {@link WaapiConstants#DUPLICATE_SEND}) or released (the message is sent then).
 */
public class WaapiSendInFlightException extends WaapiException {

    private static final long serialVersionUID = 1L;

    public WaapiSendInFlightException(String message) {
        super(message, (Throwable) null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
