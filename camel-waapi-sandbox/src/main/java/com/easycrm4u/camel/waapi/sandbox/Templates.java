package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The approved templates, and every template Meta reviewed (with the id its review events carry). */
final class Templates {

    /** A review of a template: the template and its Meta template id. */
    record Review(long templateId, SandboxTemplate template) {
    }

    private final Map<String, SandboxTemplate> approved = new ConcurrentHashMap<>();
    private final Map<String, SandboxTemplate> reviewed = new ConcurrentHashMap<>();
    private final Map<String, Long> templateIds = new ConcurrentHashMap<>();
    private final AtomicLong templateIdSequence = new AtomicLong(1_000_000_000_000_000L);

    void approve(SandboxTemplate template) {
        approved.put(template.key(), template);
    }

    void withdraw(String name, String language) {
        approved.remove(SandboxTemplate.key(name, language));
    }

    /** The approved template of this name (case-sensitive) and language, or null. */
    SandboxTemplate find(String name, String language) {
        return approved.get(SandboxTemplate.key(name, language));
    }

    List<SandboxTemplate> all() {
        return List.copyOf(approved.values());
    }

    /**
     * Meta reviewed a template: {@code APPROVED} approves it (as a {@code utility} template unless it was known), any
     * other event withdraws the approval.
     */
    synchronized Review review(String name, String language, String event) {
        Objects.requireNonNull(event, "event");
        String key = SandboxTemplate.key(name, language);
        SandboxTemplate known = approved.containsKey(key) ? approved.get(key) : reviewed.get(key);
        SandboxTemplate template = known != null ? known : SandboxTemplate.of(name, language);
        reviewed.put(key, template);
        if ("APPROVED".equals(event)) {
            approved.put(key, template);
        } else {
            approved.remove(key);
        }
        return new Review(templateIds.computeIfAbsent(key, k -> templateIdSequence.incrementAndGet()), template);
    }
}
