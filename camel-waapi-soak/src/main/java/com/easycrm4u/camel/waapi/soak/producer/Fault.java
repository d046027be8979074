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
