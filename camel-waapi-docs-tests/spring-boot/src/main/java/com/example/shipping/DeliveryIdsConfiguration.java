package com.example.shipping;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class DeliveryIdsConfiguration {

    // the processed webhook delivery ids; in a cluster, one repository that every node shares (JDBC, Redis, ...)
    @Bean
    IdempotentRepository deliveryIds() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(50_000);
    }
}
