package com.easycrm4u.camel.waapi.sandbox;

import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.sandbox.RawApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cloud API sends at the edges of their rules: the combined send's interactive types and its window, and the
 * template components that count as body parameters.
 */
class CloudSendEdgesTest {

    private static final String SEND = "/whatsapp-api/messages/send";
    private static final String TEMPLATE = "/whatsapp-api/messages/template";
    private static final String HEAD = "'to': '917890000198', 'fromPhoneNo': '+917890000199', ";

    private final WaapiSandbox sandbox = WaapiSandbox.builder()
            .template(SandboxTemplate.of("no_params", "en").withBodyParameters(0))
            .template(SandboxTemplate.of("any_params", "en"))
            .build().start();
    private final RawApi api = new RawApi(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void combinedInteractiveSendsNeedTheirItems() {
        sandbox.openServiceWindow("+917890000198", WaapiSandbox.DEFAULT_PHONE_NUMBER);

        assertThat(error(api.post(SEND, json("{" + HEAD + "'type': 'buttons', 'payload': {'body': 'Pick', 'buttons': []}}"))))
                .isEqualTo("'payload.buttons' must be a non-empty array");
        assertThat(error(api.post(SEND, json("{" + HEAD + "'type': 'list', 'payload': {'body': 'Pick', 'sections': {}}}"))))
                .isEqualTo("'payload.sections' must be a non-empty array");
        assertThat(error(api.post(SEND, json("{" + HEAD + "'type': 'cta', 'payload': {'body': 'Visit'}}"))))
                .isEqualTo("'payload.url' is required");
        assertThat(error(api.post(SEND, json("{" + HEAD + "'type': 'buttons', 'payload': {'buttons': [{'id': 'y'}]}}"))))
                .isEqualTo("'payload.body' is required");

        for (String payload : new String[] {
                "'type': 'buttons', 'payload': {'body': 'Pick', 'buttons': [{'id': 'y', 'title': 'Yes'}]}",
                "'type': 'list', 'payload': {'body': 'Pick', 'sections': [{'title': 'S', 'rows': []}]}",
                "'type': 'cta', 'payload': {'body': 'Visit', 'url': 'https://example.com'}" }) {
            Answer answer = api.post(SEND, json("{" + HEAD + payload + "}"));
            assertThat(answer.status()).as(payload).isEqualTo(200);
        }
        assertThat(sandbox.getSentMessages()).extracting(SentMessage::getType).containsExactly("buttons", "list", "cta");
    }

    @Test
    void aCombinedTemplateNeedsNoWindowButACombinedTextDoes() {
        Answer template = api.post(SEND, json("{" + HEAD + "'type': 'template', 'payload': {'name': 'any_params', "
                                              + "'language': 'en'}}"));
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.json().at("/data/message/type").asText()).isEqualTo("template");

        assertThat(error(api.post(SEND, json("{" + HEAD + "'type': 'text', 'payload': {'body': 'Hi'}}"))))
                .startsWith("(#131047)");
    }

    @Test
    void aTemplateDeclaredWithoutParametersTakesNone() {
        assertThat(api.post(TEMPLATE, template("no_params", "[]")).status()).isEqualTo(200);
        assertThat(error(api.post(TEMPLATE, template("no_params",
                "[{'type': 'body', 'parameters': [{'type': 'text', 'text': 'x'}]}]"))))
                .startsWith("(#132000)");
    }

    @Test
    void onlyTheBodyComponentsParametersCount() {
        // a header and a button with parameters, a body without any: no body parameter
        assertThat(api.post(TEMPLATE, template("no_params",
                "[{'type': 'header', 'parameters': [{'type': 'text', 'text': 'h'}]}, {'type': 'body'}, "
                                                            + "{'type': 'body', 'parameters': null}, "
                                                            + "{'type': 'button', 'parameters': [{'type': 'payload'}]}]"))
                .status()).isEqualTo(200);
    }

    @Test
    void componentsMustBeObjectsOfAKnownTypeWithAnArrayOfParameters() {
        assertThat(error(api.post(TEMPLATE, template("any_params", "[{'type': 'body', 'parameters': 'x'}]"))))
                .isEqualTo("'components[0].parameters' must be an array");
        assertThat(error(api.post(TEMPLATE, template("any_params", "[{'type': 'body'}, {'type': 'footer'}]"))))
                .isEqualTo("'components[1].type' must be header, body or button");
        assertThat(error(api.post(TEMPLATE, template("any_params", "['body']"))))
                .isEqualTo("'components[0].type' must be header, body or button");
        assertThat(error(api.post(TEMPLATE, template("any_params", "{'type': 'body'}"))))
                .isEqualTo("'components' must be an array");
    }

    private static String template(String name, String components) {
        return json("{" + HEAD + "'name': '" + name + "', 'language': 'en', 'components': " + components + "}");
    }

    private static String error(Answer answer) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(400);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
        return answer.json().get("error").asText();
    }
}
