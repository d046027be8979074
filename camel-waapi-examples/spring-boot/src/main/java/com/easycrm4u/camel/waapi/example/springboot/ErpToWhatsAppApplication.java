package com.easycrm4u.camel.waapi.example.springboot;

import java.nio.file.Path;

import com.easycrm4u.camel.waapi.examples.erp.DeadLetters;
import com.easycrm4u.camel.waapi.examples.erp.DeliveryReport;
import com.easycrm4u.camel.waapi.examples.erp.OrderBook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The ERP to WhatsApp example on Spring Boot: the same YAML routes as on Camel Main ({@code classpath:routes/}, from
 * {@code camel-waapi-example-erp-routes}), the WAAPI connection in {@code application.properties}, the webhook served
 * by Spring MVC. The beans the routes call are declared here.
 */
@SpringBootApplication
public class ErpToWhatsAppApplication {

    public static void main(String[] args) {
        SpringApplication.run(ErpToWhatsAppApplication.class, args);
    }

    @Bean
    OrderBook orderBook() {
        return new OrderBook();
    }

    @Bean
    DeadLetters deadLetters() {
        return new DeadLetters();
    }

    @Bean
    DeliveryReport deliveryReport(@Value("${example.work-dir}") String workDir) {
        return new DeliveryReport(Path.of(workDir, "delivery-report.json"));
    }
}
