package com.example.shipping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ShippingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShippingApplication.class, args);
    }

    // Camel starts every RouteBuilder bean
    @Bean
    ShippingRoutes shippingRoutes() {
        return new ShippingRoutes();
    }

    @Bean
    DeliveryStatusRoutes deliveryStatusRoutes() {
        return new DeliveryStatusRoutes();
    }
}
