package com.easycrm4u.camel.waapi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body bytes the signature is checked over, whatever form the HTTP host hands them over in.
 */
class WaapiWebhookConsumerBodyTest {

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

    @Test
    void bytesArePassedThroughUntouched() throws Exception {
        byte[] body = "{\"a\":\"caf\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WaapiWebhookConsumer.readBody(request(body).getMessage(), 100)).isSameAs(body);
        assertThat(WaapiWebhookConsumer.readBody(request(body).getMessage(), body.length)).isSameAs(body);
        assertThat(WaapiWebhookConsumer.readBody(request(body).getMessage(), body.length - 1)).isNull();
    }

    @Test
    void aStreamIsReadNoFurtherThanOneByteOverTheLimit() throws Exception {
        byte[] body = new byte[1000];
        InputStream stream = new ByteArrayInputStream(body);
        assertThat(WaapiWebhookConsumer.readBody(request(stream).getMessage(), 10)).isNull();
        assertThat(stream.available()).isEqualTo(1000 - 11);
        assertThat(WaapiWebhookConsumer.readBody(request(new ByteArrayInputStream(body)).getMessage(), 1000)).hasSize(1000);
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
        Exchange exchange = request(new ByteArrayInputStream(new byte[5]));
        exchange.getMessage().setHeader(Exchange.CONTENT_LENGTH, "5000");
        assertThat(WaapiWebhookConsumer.readBody(exchange.getMessage(), 100)).isNull();
        exchange.getMessage().setHeader(Exchange.CONTENT_LENGTH, "not a number");
        assertThat(WaapiWebhookConsumer.readBody(exchange.getMessage(), 100)).hasSize(5);
    }

    @Test
    void aDecodedTextBodyIsEncodedInItsCharset() throws Exception {
        Exchange exchange = request("caf\u00e9");
        assertThat(WaapiWebhookConsumer.readBody(exchange.getMessage(), 100)).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
        assertThat(WaapiWebhookConsumer.readBody(exchange.getMessage(), 100)).isEqualTo(new byte[] { 'c', 'a', 'f', (byte) 0xe9 });
        assertThat(WaapiWebhookConsumer.readBody(request(null).getMessage(), 100)).isEmpty();
    }
}
