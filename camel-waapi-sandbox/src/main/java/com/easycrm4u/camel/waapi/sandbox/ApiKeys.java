package com.easycrm4u.camel.waapi.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The vendor's API keys and the callback URL each one currently has. */
final class ApiKeys {

    private final List<SandboxApiKey> keys = new CopyOnWriteArrayList<>();
    private final Map<String, String> webhookUrls = new ConcurrentHashMap<>();
    private final SendingNumbers numbers;

    ApiKeys(SendingNumbers numbers) {
        this.numbers = numbers;
    }

    /** Adds (or replaces, by key) a key; its bound numbers become numbers of the sandbox. */
    synchronized void add(SandboxApiKey key) {
        Objects.requireNonNull(key, "key");
        if (keys.stream().anyMatch(k -> k.getName().equals(key.getName()) && !k.getKey().equals(key.getKey()))) {
            throw new IllegalArgumentException("another API key is already named '" + key.getName() + "'");
        }
        key.getNumbers().forEach(n -> numbers.add(n, null));
        keys.removeIf(k -> k.getKey().equals(key.getKey()));
        keys.add(key);
        if (key.getWebhookUrl() != null) {
            webhookUrls.put(key.getName(), key.getWebhookUrl());
        } else {
            webhookUrls.remove(key.getName());
        }
    }

    List<SandboxApiKey> all() {
        return List.copyOf(keys);
    }

    SandboxApiKey primary() {
        return keys.get(0);
    }

    SandboxApiKey named(String name) {
        return keys.stream().filter(k -> k.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no API key named '" + name + "'; the keys are "
                                                                + keys.stream().map(SandboxApiKey::getName).toList()));
    }

    /** The key presented in a request, compared in constant time; null when there is none. */
    SandboxApiKey find(String presented) {
        SandboxApiKey found = null;
        for (SandboxApiKey key : keys) {
            if (key.hasKey(presented)) {
                found = key;
            }
        }
        return found;
    }

    void setWebhookUrl(String apiKeyName, String url) {
        SandboxApiKey key = named(apiKeyName);
        if (url == null) {
            webhookUrls.remove(key.getName());
            return;
        }
        if (key.getWebhookVerifyToken() == null) {
            throw new IllegalStateException("API key '" + apiKeyName + "' has no webhook verify token to sign deliveries with");
        }
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        webhookUrls.put(key.getName(), url);
    }

    String webhookUrl(String apiKeyName) {
        return webhookUrls.get(named(apiKeyName).getName());
    }

    int size() {
        return keys.size();
    }
}
