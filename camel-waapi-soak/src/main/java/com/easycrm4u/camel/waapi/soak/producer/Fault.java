package com.easycrm4u.camel.waapi.soak.producer;

/**
 * What the fault server does with one request.
 */
enum Fault {

    /** 200 with a send result: processed. */
    NONE(true),
    /** 500: not processed, "please retry". */
    SERVER_ERROR(false),
    /** 429 with Retry-After: not processed. */
    RATE_LIMITED(false),
    /** 429 without Retry-After: not processed. */
    RATE_LIMITED_NO_RETRY_AFTER(false),
    /** The request is processed, then the connection is reset before any answer. */
    RESET(true),
    /** The connection is reset before the request is processed: nothing was sent, but the client cannot tell. */
    RESET_UNPROCESSED(false),
    /** The request is processed, the head and the start of a 200 are written, then the connection is reset. */
    RESET_MID_ANSWER(true),
    /**
     * The request is processed, and a proxy in front of the API answers for it with a 503 page of its own (Envoy's
     * "upstream reset"): whether the message left is unknown to the client.
     */
    PROXY_ERROR(true),
    /** The request is processed and never answered: the client's request timeout ends it. */
    NO_ANSWER(true),
    /** Processed, answered 200 with a body far over the client's size cap. */
    OVERSIZED(true);

    private final boolean processed;

    Fault(boolean processed) {
        this.processed = processed;
    }

    /** Whether the server counts the message as sent to WhatsApp. */
    boolean processed() {
        return processed;
    }

    boolean rateLimited() {
        return this == RATE_LIMITED || this == RATE_LIMITED_NO_RETRY_AFTER;
    }
}
