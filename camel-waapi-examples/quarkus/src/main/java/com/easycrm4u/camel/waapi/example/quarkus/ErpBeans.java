package com.easycrm4u.camel.waapi.example.quarkus;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import com.easycrm4u.camel.waapi.examples.erp.DeadLetters;
import com.easycrm4u.camel.waapi.examples.erp.DeliveryReport;
import com.easycrm4u.camel.waapi.examples.erp.OrderBook;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The beans the ERP to WhatsApp routes call, by the names the YAML uses. The routes themselves come from
 * {@code camel-waapi-example-erp-routes}, the same file the Camel Main and Spring Boot examples run.
 */
public class ErpBeans {

    @Produces
    @Singleton
    @Named("orderBook")
    OrderBook orderBook() {
        return new OrderBook();
    }

    @Produces
    @Singleton
    @Named("deadLetters")
    DeadLetters deadLetters() {
        return new DeadLetters();
    }

    @Produces
    @Singleton
    @Named("deliveryReport")
    DeliveryReport deliveryReport(@ConfigProperty(name = "example.work-dir") String workDir) {
        return new DeliveryReport(Path.of(workDir, "delivery-report.json"));
    }
}
