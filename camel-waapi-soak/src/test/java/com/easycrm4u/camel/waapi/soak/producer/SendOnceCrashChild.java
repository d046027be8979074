package com.easycrm4u.camel.waapi.soak.producer;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The JVM that dies in {@link SendOnceCrashTest}: sends one keyed text with a file-based send-once repository to an API
 * that never answers, and is killed while it waits. Should it ever get an outcome, it says so.
 * <p>
 * Arguments: the API's port, the repository file, the key, the request timeout in milliseconds.
 */
public final class SendOnceCrashChild {

    private SendOnceCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        IdempotentRepository repository = FileIdempotentRepository.fileIdempotentRepository(new File(args[1]));
        ServiceHelper.startService(repository);
        CamelContext context = SendOnceCrashTest.context(port, repository, Long.parseLong(args[3]));
        context.start();
        System.out.println("SENDING " + args[2]);
        Exchange exchange = context.createProducerTemplate().send("direct:send", e -> {
            e.getMessage().setHeader(SendOnceRun.SEND_ONCE_KEY, args[2]);
            e.getMessage().setBody("Order soak-1005#0 has shipped.");
        });
        System.out.println("OUTCOME " + (exchange.getException() != null ? exchange.getException() : "sent"));
        context.stop();
    }
}
