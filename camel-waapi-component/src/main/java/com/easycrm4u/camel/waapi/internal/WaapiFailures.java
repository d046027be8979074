package com.easycrm4u.camel.waapi.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import com.easycrm4u.camel.waapi.WaapiAuthenticationException;
import com.easycrm4u.camel.waapi.WaapiConnectionException;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiNotFoundException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiPermissionException;
import com.easycrm4u.camel.waapi.WaapiRateLimitException;
import com.easycrm4u.camel.waapi.WaapiServerException;
import com.easycrm4u.camel.waapi.client.NotSentException;

/**
 * The one place that decides what a failed call is, for any transport: never sent (safe to send again), sent with an
 * unknown outcome (not safe), or answered by the API (by status). Transports report what happened; the exception a
 * route sees, and with it {@link WaapiException#isRetryable()}, is chosen here.
 */
public final class WaapiFailures {

    /** The longest answer body an exception keeps, in characters; the rest is cut. */
    public static final int MAX_KEPT_BODY = 4096;

    private WaapiFailures() {
    }

    /**
     * The request could not be built or handed to the transport, so it never left. Not retryable: it fails the same way
     * again. The failure is named but not chained: what the JDK throws while building a request may quote a header
     * value, and with it a credential.
     */
    public static WaapiException requestNotBuilt(String call, Throwable failure) {
        return new WaapiException(
                "WAAPI " + call + ": the request could not be built (" + failure.getClass().getName()
                                  + "); check baseUrl, apiKey and apiSecret for characters an HTTP request cannot carry",
                (Throwable) null);
    }

    /** The request body could not be written as JSON; nothing was sent. */
    public static WaapiException requestNotSerializable(String call, Throwable cause) {
        return new WaapiException(
                "WAAPI " + call + ": the request body cannot be written as JSON: " + cause.getMessage(),
                cause);
    }

    /** The request never left: safe to send again. */
    public static WaapiException notSent(String call, String reason, Throwable cause) {
        return new WaapiConnectionException(
                "WAAPI " + call + " was not sent: " + reason
                                            + "; nothing reached the API, so sending it again is safe",
                cause);
    }

    /** The request was sent, or may have been, and no answer tells whether it was processed. */
    public static WaapiException outcomeUnknown(String call, String reason, Throwable cause) {
        return new WaapiOutcomeUnknownException("WAAPI " + call + " " + reason + unknownOutcomeAdvice(), cause);
    }

    /**
     * A failure the transport reported as an exception: never sent when it happened before the request could leave
     * (connect refused or timed out, host not resolved, TLS handshake failed, or the transport said so with a
     * {@link NotSentException}); otherwise the outcome is unknown.
     *
     * @param authority      host and port of the API, for the message
     * @param requestTimeout the request timeout, for the message when the call ran out of it
     */
    public static WaapiException transportFailure(String call, Throwable failure, String authority, Duration requestTimeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WaapiException) {
            return (WaapiException) cause;
        }
        NotSentException notSent = cause instanceof NotSentException ? (NotSentException) cause : null;
        if (notSent != null && notSent.getCause() != null) {
            cause = unwrap(notSent.getCause());
        }
        if (isConnectTimeout(cause)) {
            return notSent(call, "could not connect to " + authority + " within the connect timeout", cause);
        }
        SSLHandshakeException handshake = find(cause, SSLHandshakeException.class);
        if (handshake != null) {
            return notSent(call, "the TLS handshake with " + authority + " failed (" + describe(handshake) + ")", cause);
        }
        if (find(cause, UnknownHostException.class) != null || find(cause, UnresolvedAddressException.class) != null) {
            return notSent(call, "the host of " + authority + " could not be resolved", cause);
        }
        if (find(cause, ConnectException.class) != null || find(cause, NoRouteToHostException.class) != null) {
            return notSent(call, "could not connect to " + authority + " (" + describe(cause) + ")", cause);
        }
        if (notSent != null) {
            return notSent(call, notSent.getMessage() != null
                    ? notSent.getMessage() : "no connection to " + authority + " could be had (" + describe(cause) + ")",
                    notSent.getCause());
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return outcomeUnknown(call, "got no answer within " + requestTimeout.toMillis() + " ms (requestTimeout)", cause);
        }
        return outcomeUnknown(call, "failed after the request may have been sent (" + describe(cause) + ")", cause);
    }

    /** java.net.http's connect timeout, or Netty's (a {@code ConnectException} of its own). */
    private static boolean isConnectTimeout(Throwable cause) {
        if (find(cause, HttpConnectTimeoutException.class) != null) {
            return true;
        }
        ConnectException connect = find(cause, ConnectException.class);
        return connect != null && "ConnectTimeoutException".equals(connect.getClass().getSimpleName());
    }

    /**
     * An answer with a non-2xx status, or a 2xx whose body says {@code "success": false}.
     * <p>
     * A 5xx says the API did not process the request only when the API itself gave it, in its own error shape (a JSON
     * object with {@code "success": false}): then it is retryable, as the reference asks ("500 — please retry"). Any
     * other 5xx came from something in front of the API (the base URL is a CNAME: a CDN, a load balancer, a proxy) and
     * says nothing about whether the request reached the API: its outcome is unknown. So is a gateway's status (502,
     * 504, Cloudflare's 520 to 527) whatever its body, because the gateway lost the API's answer.
     *
     * @param answerMessage the answer's {@code error} or {@code message}, as the transport read it (cut to
     *                      {@link #MAX_KEPT_BODY} here); null when absent
     * @param body          the answer body as read (cut to {@link #MAX_KEPT_BODY} here)
     * @param overCap       whether the answer was larger than {@code maxResponseSize} and only its start was read
     * @param retryAfter    the Retry-After the answer asked for, or null
     * @param apiError      whether the body is in the API's own error shape, a JSON object with
     *                      {@code "success": false} (for an answer cut at {@code maxResponseSize}: whether its start
     *                      says so)
     */
    public static WaapiException answered(
            String call, int status, String answerMessage, String body, boolean overCap, Duration retryAfter,
            boolean apiError) {
        String apiMessage = keptBody(answerMessage);
        String message = "WAAPI " + call + " answered HTTP " + status + (apiMessage != null ? ": " + apiMessage : "")
                         + (overCap ? overCapNote() : "");
        String kept = keptBody(body);
        if (status == 401) {
            return new WaapiAuthenticationException(message, apiMessage, kept);
        }
        if (status == 403) {
            return new WaapiPermissionException(message, apiMessage, kept);
        }
        if (status == 404) {
            return new WaapiNotFoundException(message, apiMessage, kept);
        }
        if (status == 429) {
            return new WaapiRateLimitException(message, apiMessage, kept, retryAfter);
        }
        if (isGateway(status)) {
            return new WaapiOutcomeUnknownException(
                    message + " (a gateway in front of the API answered: it lost the API's answer, if there was one)"
                                                    + unknownOutcomeAdvice(),
                    status, apiMessage, kept);
        }
        if (status >= 500 && !apiError) {
            return new WaapiOutcomeUnknownException(
                    message + " (not the API's own error answer, a JSON object with \"success\": false: a proxy, CDN"
                                                    + " or load balancer in front of the API answered, and whether the"
                                                    + " request reached the API is unknown)" + unknownOutcomeAdvice(),
                    status, apiMessage, kept);
        }
        if (status == 408 || status >= 500) {
            return new WaapiServerException(message, status, apiMessage, kept);
        }
        return new WaapiException(message, status, apiMessage, kept);
    }

    /** 502 and 504, and Cloudflare's 520 to 527: a gateway that had no usable answer of the server behind it. */
    private static boolean isGateway(int status) {
        return status == 502 || status == 504 || status >= 520 && status <= 527;
    }

    /**
     * A 2xx answer that cannot be read: the request was most likely processed, but its result is unknown.
     *
     * @param what what is wrong with the answer, e.g. "with a body that is not JSON"
     */
    public static WaapiException unreadableAnswer(String call, int status, String what, String body, boolean overCap) {
        return new WaapiOutcomeUnknownException(
                "WAAPI " + call + " answered HTTP " + status + " " + what
                                                + (overCap ? overCapNote() : "") + unknownOutcomeAdvice(),
                status, null, keptBody(body));
    }

    /** The body cut to {@link #MAX_KEPT_BODY} characters, marked when cut; null stays null. */
    public static String keptBody(String body) {
        if (body == null || body.length() <= MAX_KEPT_BODY) {
            return body;
        }
        return body.substring(0, MAX_KEPT_BODY) + "… (" + (body.length() - MAX_KEPT_BODY) + " more characters cut)";
    }

    private static String overCapNote() {
        return " (the answer is larger than maxResponseSize; the rest was not read: check baseUrl and any proxy on the way)";
    }

    private static String unknownOutcomeAdvice() {
        return "; the API may have processed it, so sending it again may deliver it twice: look the message up by its"
               + " delivery webhook, or move it to a dead letter channel";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
