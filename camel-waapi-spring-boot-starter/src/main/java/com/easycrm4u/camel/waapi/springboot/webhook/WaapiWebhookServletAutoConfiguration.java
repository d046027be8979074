package com.easycrm4u.camel.waapi.springboot.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts {@link WaapiWebhookRequestFilter} in front of Spring MVC in a servlet web application, so that the webhook
 * consumer's body limit and header checks hold before the platform-http binding reads a body.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter" })
public class WaapiWebhookServletAutoConfiguration {

    @Bean
    public FilterRegistrationBean<WaapiWebhookRequestFilter> waapiWebhookRequestFilter(
            ObjectProvider<CamelContext> camelContext) {
        FilterRegistrationBean<WaapiWebhookRequestFilter> registration
                = new FilterRegistrationBean<>(new WaapiWebhookRequestFilter(camelContext));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("waapiWebhookRequestFilter");
        return registration;
    }
}
