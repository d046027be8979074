package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.util.function.Consumer;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.benchmarks.load.Call;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The component's path: an exchange with a String body and the recipient header through the {@code waapi:cloud/text}
 * producer, completed when the route would go on.
 */
final class ComponentPath implements Call, AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final Endpoint endpoint;
    private final AsyncProducer producer;

    /**
     * @param setup changes the component before it starts, e.g. to give it a transport of one's own
     */
    ComponentPath(int port, Consumer<WaapiComponent> setup) throws Exception {
        WaapiComponent waapi = new WaapiComponent();
        WaapiConfiguration configuration = waapi.getConfiguration();
        configuration.setBaseUrl("http://127.0.0.1:" + port + TextSend.BASE_PATH);
        configuration.setApiKey(TextSend.API_KEY);
        configuration.setApiSecret(TextSend.API_SECRET);
        configuration.setFromPhoneNo(TextSend.FROM);
        setup.accept(waapi);
        context.addComponent("waapi", waapi);
        context.start();
        endpoint = context.getEndpoint("waapi:cloud/text");
        producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    public void start(Done done) {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(TextSend.TEXT);
        exchange.getMessage().setHeader(WaapiConstants.TO, TextSend.TO);
        producer.process(exchange, doneSync -> done.ended(exchange.getException()));
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        ServiceHelper.stopService(producer);
        context.stop();
    }
}
