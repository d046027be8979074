package com.easycrm4u.camel.waapi.benchmarks.webhook;

import java.nio.charset.StandardCharsets;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;

/**
 * Signed webhook deliveries as WAAPI sends them: one inbound text message each, with an id of its own so that per-event
 * de-duplication lets every one through.
 */
public final class Deliveries {

    public static final String VERIFY_TOKEN = "benchmark-verify-token";
    public static final String PATH = "/waapi/webhook";
    public static final String BARE_PATH = "/bare";
    public static final String STATS_PATH = "/stats";

    private static final String BEFORE_ID = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"959648497055756\","
                                            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                                            + "\"metadata\":{\"display_phone_number\":\"+91 78900 00199\",\"phone_number_id\":\"1226212787235581\"},"
                                            + "\"contacts\":[{\"profile\":{\"name\":\"Sayantan Kar\"},\"wa_id\":\"917890000198\"}],"
                                            + "\"messages\":[{\"from\":\"917890000198\",\"id\":\"wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgU";
    private static final String AFTER_ID = "\",\"timestamp\":\"1718635789\",\"text\":{\"body\":\"Hi, is the order shipped?\"},"
                                           + "\"type\":\"text\"}]}}]}]}";

    private Deliveries() {
    }

    /** The body of delivery number {@code n}: its message id ends in {@code n}. */
    public static byte[] body(long n) {
        return (BEFORE_ID + n + AFTER_ID).getBytes(StandardCharsets.UTF_8);
    }

    /** The X-Hub-Signature-256 of a body with the benchmark's verify token. */
    public static String signature(byte[] body) {
        return WebhookSignature.sign(body, VERIFY_TOKEN);
    }
}
