package com.easycrm4u.camel.waapi.webhook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body bytes the signature is checked over, whatever form the HTTP host hands them over in, never more than
 * maxBodySize + 1 of them.
 */
class WebhookBodyReaderTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private Exchange request(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static byte[] bytes(Exchange request, long maxBodySize) throws Exception {
        WebhookBodyReader.Body body = WebhookBodyReader.read(request.getMessage(), maxBodySize);
        return body.refusal() == WebhookOutcome.BODY_TOO_LARGE ? null : body.bytes();
    }

    @Test
    void bytesArePassedThroughUntouched() throws Exception {
        byte[] body = "{\"a\":\"caf\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(bytes(request(body), 100)).isSameAs(body);
        assertThat(bytes(request(body), body.length)).isSameAs(body);
        assertThat(bytes(request(body), body.length - 1)).isNull();
    }

    @Test
    void aStreamIsReadNoFurtherThanOneByteOverTheLimit() throws Exception {
        byte[] body = new byte[1000];
        InputStream stream = new ByteArrayInputStream(body);
        assertThat(bytes(request(stream), 10)).isNull();
        assertThat(stream.available()).isEqualTo(1000 - 11);
        assertThat(bytes(request(new ByteArrayInputStream(body)), 1000)).hasSize(1000);
    }

    @Test
    void aDecodedReaderIsReadNoFurtherThanOneCharacterOverTheLimit() throws Exception {
        StringReader reader = new StringReader("x".repeat(1000));
        assertThat(WebhookBodyReader.read(request(reader).getMessage(), 10).refusal()).isEqualTo(WebhookOutcome.BODY_TOO_LARGE);
        assertThat(reader.read(new char[1000])).isEqualTo(1000 - 11);
        assertThat(bytes(request(new StringReader("caf\u00e9")), 100)).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDecodedTextBodyIsEncodedInItsCharset() throws Exception {
        Exchange exchange = request("caf\u00e9");
        assertThat(bytes(exchange, 100)).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
        assertThat(bytes(exchange, 100)).isEqualTo(new byte[] { 'c', 'a', 'f', (byte) 0xe9 });
        assertThat(bytes(request(null), 100)).isEmpty();
    }

    @Test
    void aLongReaderIsReadInPiecesNoFurtherThanOneCharacterOverTheLimit() throws Exception {
        StringReader reader = new StringReader("x".repeat(20_000));
        assertThat(WebhookBodyReader.read(request(reader).getMessage(), 9_999).refusal())
                .isEqualTo(WebhookOutcome.BODY_TOO_LARGE);
        assertThat(reader.read(new char[20_000])).isEqualTo(20_000 - 10_000);
        assertThat(bytes(request(new StringReader("y".repeat(9_000))), 9_000)).hasSize(9_000);
    }

    @Test
    void anyOtherBodyIsConvertedToBytesWithinTheLimit() throws Exception {
        byte[] body = "{\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(bytes(request(ByteBuffer.wrap(body)), 100)).isEqualTo(body);
        assertThat(bytes(request(ByteBuffer.wrap(body)), body.length - 1)).isNull();
    }

    @Test
    void aRefusalLeavesABodyThatIsNoUnreadRequestAlone() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Exchange read = request(body);
        WebhookBodyReader.leaveUnread(read.getMessage());
        assertThat(read.getMessage().getBody()).isSameAs(body);
        Exchange empty = request(null);
        WebhookBodyReader.leaveUnread(empty.getMessage());
        assertThat(empty.getMessage().getBody()).isNull();
    }
}
