package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.Locale;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;

/**
 * What a webhook consumer decides from the request headers alone, before a byte of the body is read: whether it is
 * accepting deliveries, whether the declared Content-Length fits maxBodySize, whether a signature header of the right
 * form is there, and whether the content type is one hosts would parse on their own. The consumer checks it on every
 * host; a host whose HTTP layer reads bodies before the consumer sees them (Spring MVC) checks it in front of that
 * layer through {@link WebhookPaths}.
 */
public final class WebhookAdmission {

    private final WebhookLimits limits;
    private final long maxBodySize;
    private final boolean verifySignature;
    private final InflightDeliveries inflight;
    private final WebhookOutcomeRecorder recorder;

    /** With the default body read timeout and bounds of held bytes and queued deliveries. */
    public WebhookAdmission(long maxBodySize, boolean verifySignature, InflightDeliveries inflight,
                            WebhookOutcomeRecorder recorder) {
        this(new WebhookLimits(
                maxBodySize, Duration.ofMillis(WaapiConfiguration.DEFAULT_BODY_READ_TIMEOUT),
                Math.max(maxBodySize, WaapiConfiguration.DEFAULT_MAX_UNVERIFIED_BYTES),
                WaapiConfiguration.DEFAULT_MAX_QUEUED_DELIVERIES),
             verifySignature, inflight, recorder);
    }

    public WebhookAdmission(WebhookLimits limits, boolean verifySignature, InflightDeliveries inflight,
                            WebhookOutcomeRecorder recorder) {
        this.limits = limits;
        this.maxBodySize = limits.getMaxBodySize();
        this.verifySignature = verifySignature;
        this.inflight = inflight;
        this.recorder = recorder;
    }

    /**
     * The answer that refuses the request from its headers, recorded as its outcome; null when its body may be read.
     *
     * @param contentLength   the Content-Length header, or null (chunked)
     * @param contentType     the Content-Type header, or null
     * @param signatureHeader the X-Hub-Signature-256 header, or null
     */
    public WebhookResponse admit(String contentLength, String contentType, String signatureHeader) {
        WebhookOutcome refusal = check(contentLength, contentType, signatureHeader);
        return refusal == null ? null : answer(refusal);
    }

    /** Records the outcome of a request and gives its answer. */
    public WebhookResponse answer(WebhookOutcome outcome) {
        recorder.record(outcome);
        return WebhookResponse.of(outcome, maxBodySize);
    }

    /** The largest body to read; one byte more tells that a body is too large. */
    public long getMaxBodySize() {
        return maxBodySize;
    }

    /** The receiver's limits, and what it holds now. */
    public WebhookLimits limits() {
        return limits;
    }

    private WebhookOutcome check(String contentLength, String contentType, String signatureHeader) {
        if (!inflight.isAccepting()) {
            return WebhookOutcome.UNAVAILABLE;
        }
        if (isFormOrMultipart(contentType)) {
            return WebhookOutcome.UNSUPPORTED_MEDIA_TYPE;
        }
        if (declaredLength(contentLength) > maxBodySize) {
            return WebhookOutcome.BODY_TOO_LARGE;
        }
        if (verifySignature) {
            if (signatureHeader == null || signatureHeader.isEmpty()) {
                return WebhookOutcome.SIGNATURE_MISSING;
            }
            if (!WebhookSignature.isWellFormed(signatureHeader)) {
                return WebhookOutcome.SIGNATURE_MALFORMED;
            }
        }
        return null;
    }

    private static boolean isFormOrMultipart(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    /** The Content-Length header as a number, or -1 when it is missing or malformed. */
    static long declaredLength(String contentLength) {
        try {
            return contentLength != null ? Long.parseLong(contentLength.trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
