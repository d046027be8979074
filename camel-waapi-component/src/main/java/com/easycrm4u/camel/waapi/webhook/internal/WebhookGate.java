package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;

/**
 * The webhook consumer's checks for an HTTP host whose own layer reads request bodies before Camel sees them (Spring
 * MVC in camel-waapi-spring-boot-starter): it refuses a request from its headers, then receives the body itself within
 * the consumer's maxBodySize, read deadline and bound of unverified bytes, and hands the consumer the bytes it
 * received. Every refusal is recorded as the consumer records its own, and answered as the consumer answers it.
 * <p>
 * An SPI for camel-waapi's own host adapters, in a package the OSGi bundle does not export: not for applications, and
 * it may change in any release.
 */
public final class WebhookGate {

    /** Why the host stopped receiving a body. */
    public enum Refusal {
        /** More than maxBodySize bytes arrived (413). */
        BODY_TOO_LARGE(WebhookOutcome.BODY_TOO_LARGE),
        /** The body did not arrive within the read deadline (408). */
        BODY_TIMEOUT(WebhookOutcome.BODY_TIMEOUT),
        /** The receiver cannot hold more unverified bytes (503). */
        UNVERIFIED_BYTES_EXCEEDED(WebhookOutcome.UNVERIFIED_BYTES_EXCEEDED);

        private final WebhookOutcome outcome;

        Refusal(WebhookOutcome outcome) {
            this.outcome = outcome;
        }
    }

    /** How the host writes an answer, e.g. on a servlet response. */
    @FunctionalInterface
    public interface Reply {
        void write(int status, Map<String, String> headers, String json) throws IOException;
    }

    private final WebhookAdmission admission;

    private WebhookGate(WebhookAdmission admission) {
        this.admission = admission;
    }

    /**
     * The gate of the webhook consumer serving this path in the context, or null when none does.
     *
     * @param path the path as the HTTP server serves it, from its root
     */
    public static WebhookGate of(CamelContext context, String path) {
        WebhookAdmission admission = WebhookPaths.of(context).find(path);
        return admission != null ? new WebhookGate(admission) : null;
    }

    /**
     * Refuses the request from its headers where they tell, before a byte of the body is read: the answer is written
     * with {@code Connection: close}, so the host does not read the rest of the body either.
     *
     * @param  contentLength   the Content-Length header, or null
     * @param  contentType     the Content-Type header, or null
     * @param  signatureHeader the X-Hub-Signature-256 header, or null
     * @return                 true when the request was refused (and answered); false when its body may be received
     */
    public boolean refuseFromHeaders(String contentLength, String contentType, String signatureHeader, Reply reply)
            throws IOException {
        WebhookResponse refusal = admission.admit(contentLength, contentType, signatureHeader);
        if (refusal == null) {
            return false;
        }
        refusal.writeTo(reply::write, true);
        return true;
    }

    /** Refuses a request whose body stopped arriving, with {@code Connection: close}: its rest is not read. */
    public void refuse(Refusal refusal, Reply reply) throws IOException {
        admission.answer(refusal.outcome).writeTo(reply::write, true);
    }

    /** The largest body accepted; one byte more is refused with {@link Refusal#BODY_TOO_LARGE}. */
    public long maxBodySize() {
        return admission.getMaxBodySize();
    }

    /** How long a sender may take to send the body once its headers are in. */
    public Duration bodyReadTimeout() {
        return admission.limits().getBodyReadTimeout();
    }

    /**
     * Holds this many more bytes of a body not verified yet; false (nothing held) when the receiver holds as many as
     * maxUnverifiedBytes allows, and the request is to be refused with {@link Refusal#UNVERIFIED_BYTES_EXCEEDED}.
     */
    public boolean holdUnverified(long bytes) {
        return admission.limits().holdUnverified(bytes);
    }

    /** Gives back bytes held: the consumer read the body (and checked its signature), or the request ended. */
    public void releaseUnverified(long bytes) {
        admission.limits().releaseUnverified(bytes);
    }
}
