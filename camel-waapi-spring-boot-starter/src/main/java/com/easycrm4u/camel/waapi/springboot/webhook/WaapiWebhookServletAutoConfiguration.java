package com.easycrm4u.camel.waapi.springboot.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Adds {@link WaapiWebhookInterceptor} to every handler mapping of a servlet web application, platform-http's among
 * them (a {@link MappedInterceptor} bean is picked up by each), so that the webhook consumer's checks hold on every
 * request Spring MVC routes to it, before platform-http's binding reads a body. An application changes the read
 * deadline or the bound of unverified bytes with a bean of its own named {@code waapiWebhookInterceptor}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {
        "org.springframework.web.servlet.handler.MappedInterceptor",
        "org.apache.camel.component.platform.http.spi.PlatformHttpConsumer" })
public class WaapiWebhookServletAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "waapiWebhookInterceptor")
    public MappedInterceptor waapiWebhookInterceptor(ObjectProvider<CamelContext> camelContext) {
        return new MappedInterceptor(null, new WaapiWebhookInterceptor(camelContext));
    }
}
