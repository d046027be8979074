package com.easycrm4u.camel.waapi.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An API key of the sandbox: its secret, the sending numbers it is bound to, its scope, permissions and services, its
 * per-minute and per-hour quotas, and its webhook (callback URL, verify token and the events it receives). Immutable:
 * the callback URL given here is the initial one; {@link WaapiSandbox#setWebhookUrl(String, String)} changes it at
 * runtime, e.g. once the receiving route's port is known.
 */
public final class SandboxApiKey {

    /** Permission to send messages. */
    public static final String MESSAGES_SEND = "messages.send";
    /** Permission to read (list QR sessions). */
    public static final String MESSAGES_READ = "messages.read";
    /** Permission to create and update contacts. */
    public static final String CONTACTS_WRITE = "contacts.write";

    /** What a key may do at all: {@code read} keys cannot send or write. */
    public enum Scope {
        READ("read"),
        SEND("send");

        private final String value;

        Scope(String value) {
            this.value = value;
        }

        /** The scope as the API names it, e.g. {@code read}. */
        public String value() {
            return value;
        }
    }

    /** The WAAPI services a key can be enabled for. */
    public enum Service {
        CLOUD_API("WhatsApp Cloud API"),
        QR("WhatsApp QR");

        private final String displayName;

        Service(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    private final String key;
    private final String secret;
    private final String name;
    private final Set<String> numbers;
    private final Scope scope;
    private final Set<String> permissions;
    private final Set<Service> services;
    private final int quotaPerMinute;
    private final int quotaPerHour;
    private final String webhookVerifyToken;
    private final Set<String> events;
    private final String webhookUrl;

    private SandboxApiKey(Builder builder) {
        this.key = builder.key;
        this.secret = builder.secret;
        this.name = builder.name != null ? builder.name : builder.key;
        this.numbers = Collections.unmodifiableSet(new LinkedHashSet<>(builder.numbers));
        this.scope = builder.scope;
        this.permissions = Collections.unmodifiableSet(new LinkedHashSet<>(builder.permissions));
        this.services = Collections.unmodifiableSet(EnumSet.copyOf(builder.services));
        this.quotaPerMinute = builder.quotaPerMinute;
        this.quotaPerHour = builder.quotaPerHour;
        this.webhookVerifyToken = builder.webhookVerifyToken;
        this.events = Collections.unmodifiableSet(new LinkedHashSet<>(builder.events));
        this.webhookUrl = builder.webhookUrl;
    }

    /**
     * A new key. By default it has no secret, is bound to every number of the sandbox, has the {@code send} scope, all
     * permissions, both services, no quotas and no webhook.
     *
     * @param key the public key, sent as {@code X-API-Key} (WAAPI keys start with {@code waapi_})
     */
    public static Builder builder(String key) {
        return new Builder(key);
    }

    public String getKey() {
        return key;
    }

    /** The secret expected in {@code X-API-Secret}, or null when the key was created without one. */
    public String getSecret() {
        return secret;
    }

    /** The display name, echoed by {@code GET /ping} as {@code apiKeyName}. */
    public String getName() {
        return name;
    }

    /** The E.164 digits of the bound sending numbers; empty means every number of the sandbox. */
    public Set<String> getNumbers() {
        return numbers;
    }

    public boolean isBoundToAllNumbers() {
        return numbers.isEmpty();
    }

    public Scope getScope() {
        return scope;
    }

    public Set<String> getPermissions() {
        return permissions;
    }

    public Set<Service> getServices() {
        return services;
    }

    /** Requests allowed per minute; 0 for no limit. */
    public int getQuotaPerMinute() {
        return quotaPerMinute;
    }

    /** Requests allowed per hour; 0 for no limit. */
    public int getQuotaPerHour() {
        return quotaPerHour;
    }

    /** The token that signs this key's webhook deliveries ({@code X-Hub-Signature-256}), or null. */
    public String getWebhookVerifyToken() {
        return webhookVerifyToken;
    }

    /** The {@code X-WAAPI-Event} values this key's webhook receives; empty means all. */
    public Set<String> getEvents() {
        return events;
    }

    /** The callback URL this key was created with, or null (see {@link WaapiSandbox#getWebhookUrl(String)}). */
    public String getWebhookUrl() {
        return webhookUrl;
    }

    boolean receives(String event) {
        return events.isEmpty() || events.contains(event);
    }

    /** Whether this is the key presented, compared in constant time. */
    boolean hasKey(String presented) {
        return constantTimeEquals(key, presented);
    }

    /** Whether this is the key's secret, compared in constant time; false for a key without a secret. */
    boolean hasSecret(String presented) {
        return secret != null && constantTimeEquals(secret, presented);
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // key, secret and verify token are secrets
        return "SandboxApiKey[name=" + name + ", scope=" + scope.value() + ", permissions=" + permissions + ", services="
               + services + "]";
    }

    /** Builds a {@link SandboxApiKey}. */
    public static final class Builder {

        private final String key;
        private String secret;
        private String name;
        private final Set<String> numbers = new LinkedHashSet<>();
        private Scope scope = Scope.SEND;
        private final Set<String> permissions = new LinkedHashSet<>(List.of(MESSAGES_SEND, MESSAGES_READ, CONTACTS_WRITE));
        private final Set<Service> services = EnumSet.allOf(Service.class);
        private int quotaPerMinute;
        private int quotaPerHour;
        private String webhookUrl;
        private String webhookVerifyToken;
        private final Set<String> events = new LinkedHashSet<>();

        private Builder(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("an API key needs a non-blank key");
            }
            this.key = key;
        }

        /** The secret that must come in {@code X-API-Secret}; without one, the key alone authenticates. */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Binds the key to these sending numbers (E.164) only. */
        public Builder numbers(String... e164Numbers) {
            for (String number : e164Numbers) {
                String digits = PhoneNumbers.digits(number);
                if (!PhoneNumbers.isE164(number)) {
                    throw new IllegalArgumentException("not an E.164 phone number: " + number);
                }
                numbers.add(digits);
            }
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** Replaces the permissions, e.g. {@code permissions(SandboxApiKey.MESSAGES_SEND)}. */
        public Builder permissions(String... permissions) {
            this.permissions.clear();
            this.permissions.addAll(List.of(permissions));
            return this;
        }

        /** Replaces the services the key is enabled for. */
        public Builder services(Service... services) {
            this.services.clear();
            this.services.addAll(List.of(services));
            return this;
        }

        /**
         * At most this many requests in any minute; the next one gets 429 with {@code Retry-After}. 0 (the default) is
         * unlimited.
         */
        public Builder quotaPerMinute(int quotaPerMinute) {
            this.quotaPerMinute = requireNotNegative(quotaPerMinute, "quotaPerMinute");
            return this;
        }

        /**
         * At most this many requests in any hour; the next one gets 429 with {@code Retry-After}. 0 (the default) is
         * unlimited. Both quotas may be set: a request counts against each.
         */
        public Builder quotaPerHour(int quotaPerHour) {
            this.quotaPerHour = requireNotNegative(quotaPerHour, "quotaPerHour");
            return this;
        }

        private static int requireNotNegative(int quota, String name) {
            if (quota < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return quota;
        }

        /** The token that signs webhook deliveries. */
        public Builder webhookVerifyToken(String webhookVerifyToken) {
            this.webhookVerifyToken = webhookVerifyToken;
            return this;
        }

        /** The callback URL and the token that signs deliveries to it. */
        public Builder webhook(String url, String verifyToken) {
            this.webhookUrl = url;
            this.webhookVerifyToken = verifyToken;
            return this;
        }

        /** Only these {@code X-WAAPI-Event} values are delivered (e.g. {@code messages}); none means all. */
        public Builder events(String... events) {
            this.events.clear();
            this.events.addAll(List.of(events));
            return this;
        }

        public SandboxApiKey build() {
            if (services.isEmpty()) {
                throw new IllegalArgumentException("API key '" + key + "' needs at least one service");
            }
            if (webhookUrl != null && webhookVerifyToken == null) {
                throw new IllegalArgumentException("a webhook URL needs a verify token to sign the deliveries");
            }
            return new SandboxApiKey(this);
        }
    }
}
