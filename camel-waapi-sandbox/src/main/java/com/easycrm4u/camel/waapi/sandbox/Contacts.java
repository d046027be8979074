package com.easycrm4u.camel.waapi.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The vendor's contacts, keyed by normalized phone number, as the API returns them. Hands out copies only. */
final class Contacts {

    private final ObjectMapper mapper;
    private final Map<String, ObjectNode> contacts = new LinkedHashMap<>();

    Contacts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    synchronized ObjectNode get(String digits) {
        ObjectNode contact = contacts.get(digits);
        return contact == null ? null : contact.deepCopy();
    }

    synchronized List<ObjectNode> all() {
        return contacts.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** PATCH semantics: only an existing contact is updated; null when there is none. */
    synchronized ObjectNode update(String phoneNumber, String countryCode, ObjectNode fields) {
        ObjectNode contact = contacts.get(PhoneNumbers.normalize(phoneNumber, countryCode));
        if (contact == null) {
            return null;
        }
        contact.setAll(fields);
        return contact.deepCopy();
    }

    /** POST semantics: creates the contact or updates the given fields of the existing one. */
    synchronized ObjectNode upsert(String phoneNumber, String countryCode, ObjectNode fields) {
        ObjectNode contact = contacts.computeIfAbsent(PhoneNumbers.normalize(phoneNumber, countryCode), digits -> {
            ObjectNode created = mapper.createObjectNode();
            created.put("_id", Ids.objectId());
            created.put("phoneNumber", digits);
            return created;
        });
        contact.setAll(fields);
        return contact.deepCopy();
    }

    /** The name WhatsApp would show for a customer: the contact's profile or first name, else a made-up one. */
    String profileName(String customerDigits) {
        ObjectNode contact = get(customerDigits);
        if (contact != null) {
            for (String field : new String[] { "profile_name", "first_name" }) {
                if (contact.hasNonNull(field)) {
                    return contact.get(field).asText();
                }
            }
        }
        return "Customer " + customerDigits.substring(Math.max(0, customerDigits.length() - 4));
    }

    synchronized void clear() {
        contacts.clear();
    }
}
