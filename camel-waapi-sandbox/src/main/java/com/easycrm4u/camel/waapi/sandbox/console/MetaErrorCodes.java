package com.easycrm4u.camel.waapi.sandbox.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Meta error codes a message can be made to fail with, with the title and details of Meta's error code reference
 * (131026's as the WAAPI reference gives them). Internal to the sandbox.
 */
public final class MetaErrorCodes {

    /** A known code, its title and the details of its {@code error_data}. */
    public record Known(int code, String title, String details) {
    }

    private static final Map<Integer, Known> KNOWN = new LinkedHashMap<>();

    static {
        add(131026, "Message undeliverable", "Recipient phone number does not have WhatsApp installed");
        add(131047, "Re-engagement message",
                "More than 24 hours have passed since the recipient last replied to the sender number.");
        add(131049, "Meta chose not to deliver.",
                "This message was not delivered to maintain healthy ecosystem engagement.");
        add(131050, "User has stopped marketing messages",
                "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on "
                                                           + "WhatsApp from your business.");
        add(131051, "Unsupported message type", "Unsupported message type.");
        add(131053, "Media upload error", "Unable to upload the media used in the message.");
        add(131052, "Media download error", "Unable to download the media sent by the user.");
        add(130472, "User's number is part of an experiment",
                "Failed to send message because this user's phone number is part of an experiment.");
        add(131000, "Something went wrong", "Message failed to send due to an unknown error.");
        add(131048, "Spam rate limit hit",
                "Message failed to send because there are restrictions on how many messages can be sent from this "
                                           + "phone number.");
        add(131056, "(Business Account, Consumer Account) pair rate limit hit",
                "Too many messages sent from the sender phone number to the same recipient phone number in a short "
                                                                                + "period of time.");
        add(131021, "Recipient cannot be sender", "Sender and recipient phone number is the same.");
        add(131042, "Business eligibility payment issue",
                "There was an error related to your payment method.");
        add(131016, "Service unavailable", "A service is temporarily unavailable.");
        add(132015, "Template is Paused", "Template is paused due to low quality so it cannot be sent in a template "
                                          + "message.");
        add(132016, "Template is Disabled", "Template has been paused too many times due to low quality and is now "
                                            + "permanently disabled.");
    }

    private MetaErrorCodes() {
    }

    private static void add(int code, String title, String details) {
        KNOWN.put(code, new Known(code, title, details));
    }

    /** The code's title and details, or null when the sandbox does not know it. */
    public static Known find(int code) {
        return KNOWN.get(code);
    }

    /** Every known code, in the order above (the most common first). */
    public static List<Known> all() {
        return List.copyOf(KNOWN.values());
    }

    /** The known codes, for error messages. */
    public static List<Integer> codes() {
        return List.copyOf(KNOWN.keySet());
    }
}
