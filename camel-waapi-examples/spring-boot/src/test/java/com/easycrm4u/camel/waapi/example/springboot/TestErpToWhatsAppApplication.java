package com.easycrm4u.camel.waapi.example.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.easycrm4u.camel.waapi.examples.erp.DeliveryReport;
import com.easycrm4u.camel.waapi.examples.erp.OrderBook;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The example application on the embedded WAAPI sandbox, without an account: Spring Boot's development-time launcher
 * ({@code spring-boot:test-run}, which the {@code run-example} profile binds to {@code package}). The sandbox and this
 * class are on the test class path only; the application's jar talks to the account of its properties.
 * <p>
 * The sandbox's {@code camel.component.waapi.*} take precedence over {@code application.properties}, its webhooks go to
 * the application's own {@code waapi:webhook} on the port the server got, and, as in the Camel Main example, the first
 * customer whose order is delivered writes STATUS, which the webhook route answers. The sandbox serves its console, the
 * web page that shows what the routes sent and answers as the customer, and logs its address ({@code WAAPI sandbox
 * console: http://127.0.0.1:<port>/console}); {@code -Dwaapi.sandbox.console=false} leaves it out.
 */
public final class TestErpToWhatsAppApplication {

    private TestErpToWhatsAppApplication() {
    }

    public static void main(String[] args) {
        run(args);
    }

    /** Starts the application wired to a new sandbox, a bean of the context; closing the context closes the sandbox. */
    public static ConfigurableApplicationContext run(String... args) {
        WaapiSandbox sandbox = WaapiSandbox.builder()
                .recipientWithoutWhatsApp(OrderBook.BATCH_RECIPIENT_WITHOUT_WHATSAPP)
                .console(!"false".equals(System.getProperty("waapi.sandbox.console")))
                .build()
                .start();
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
        try {
            SpringApplication.withHook(application -> new SandboxWiring(sandbox, started),
                    () -> ErpToWhatsAppApplication.main(args));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return started.get();
    }

    private record SandboxWiring(WaapiSandbox sandbox, AtomicReference<ConfigurableApplicationContext> started)
            implements
                SpringApplicationRunListener {

        @Override
        public void contextPrepared(ConfigurableApplicationContext context) {
            // before the refresh that binds them (not in environmentPrepared, whose signature differs in Spring Boot 4)
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("waapiSandbox", new LinkedHashMap<>(sandbox.camelProperties())));
            context.getBeanFactory().registerSingleton("waapiSandbox", sandbox);
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DeliveryReport report) {
                        report.onFirstStatus("delivered", order -> sandbox.injectText(order.get("phone").toString(),
                                WaapiSandbox.DEFAULT_PHONE_NUMBER, "STATUS"));
                    }
                    return bean;
                }
            });
            AtomicBoolean webhookUrlSet = new AtomicBoolean();
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    sandbox.close();
                    return;
                }
                // Spring Boot sets local.server.port when its web server runs (the event that says so moved package in
                // Spring Boot 4, so the example waits for the property, on both lines)
                String port = context.getEnvironment().getProperty("local.server.port");
                if (port != null && webhookUrlSet.compareAndSet(false, true)) {
                    sandbox.setWebhookUrl(sandbox.getPrimaryApiKey().getName(),
                            webhookUrl(context.getEnvironment(), Integer.parseInt(port)));
                }
            });
        }

        @Override
        public void started(ConfigurableApplicationContext context, Duration timeTaken) {
            started.set(context);
        }

        @Override
        public void failed(ConfigurableApplicationContext context, Throwable exception) {
            sandbox.close();
        }

        private static String webhookUrl(Environment environment, int port) {
            return "http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "")
                   + environment.getProperty("camel.component.waapi.path", "/waapi/webhook");
        }
    }
}
