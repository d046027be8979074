package com.easycrm4u.camel.waapi.example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ERP to WhatsApp example on Spring Boot: the YAML routes in {@code classpath:camel/}, the WAAPI connection in
 * {@code application.properties}, the ERP endpoint and the webhook served by Spring MVC.
 */
@SpringBootApplication
public class ErpToWhatsAppApplication {

    public static void main(String[] args) {
        SpringApplication.run(ErpToWhatsAppApplication.class, args);
    }
}
