package com.easycrm4u.camel.waapi.webhook.model;

/**
 * The {@code value} of a {@link WebhookChange}; its class follows the change's {@code field}: {@link MessagesValue} for
 * {@code messages}, {@link TemplateStatusUpdate} for {@code message_template_status_update}, and
 * {@link UnknownChangeValue} (every property kept) for any other field.
 */
public interface ChangeValue {
}
