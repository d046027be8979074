package com.easycrm4u.camel.waapi.webhook.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A webhook path is found however its slashes are written. */
class WebhookPathsTest {

    @Test
    void aPathHasOneLeadingSlashAndNoTrailingOne() {
        assertThat(WebhookPaths.normalize("waapi/webhook")).isEqualTo("/waapi/webhook");
        assertThat(WebhookPaths.normalize("//waapi/webhook//")).isEqualTo("/waapi/webhook");
        assertThat(WebhookPaths.normalize(" /waapi/webhook/ ")).isEqualTo("/waapi/webhook");
        assertThat(WebhookPaths.normalize("/waapi//webhook")).as("only the ends").isEqualTo("/waapi//webhook");
        assertThat(WebhookPaths.normalize("/")).isEqualTo("/");
        assertThat(WebhookPaths.normalize("///")).isEqualTo("/");
        assertThat(WebhookPaths.normalize("")).isEqualTo("/");
        assertThat(WebhookPaths.normalize("a")).isEqualTo("/a");
    }

    @Test
    void aRegistrationIsFoundUnderAnySpellingOfItsPathUntilItIsUnregistered() {
        WebhookPaths paths = new WebhookPaths();
        WebhookRegistration registration = new WebhookRegistration();
        WebhookAdmission admission = new WebhookAdmission(10, true, new InflightDeliveries(), null);
        registration.attach(this, null, admission);

        paths.register("waapi/webhook/", registration);

        assertThat(paths.registration("/waapi/webhook")).isSameAs(registration);
        assertThat(paths.find("//waapi/webhook")).isSameAs(admission);
        assertThat(paths.find("/other")).isNull();
        assertThat(paths.find(null)).isNull();

        paths.unregister("/waapi/webhook", new WebhookRegistration());
        assertThat(paths.registration("/waapi/webhook")).as("only its own registration removes it").isSameAs(registration);
        paths.unregister("/waapi/webhook", registration);
        assertThat(paths.find("/waapi/webhook")).isNull();
    }
}
