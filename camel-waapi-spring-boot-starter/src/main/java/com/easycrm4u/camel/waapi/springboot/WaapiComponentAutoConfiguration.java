package com.easycrm4u.camel.waapi.springboot;

import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.waapi.*} properties to the {@code waapi} component when Camel creates it.
 * {@code camel.component.waapi.enabled=false} (or {@code camel.component.enabled=false}) turns this off, and
 * {@code camel.component.waapi.customizer.enabled=false} keeps the properties bound but not applied.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.waapi" })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, WaapiComponentConfiguration.class })
public class WaapiComponentAutoConfiguration {

    /** Resolves {@code #name} references of the object-typed options to beans while the properties are bound. */
    @Bean
    @ConfigurationPropertiesBinding
    static WaapiComponentConverter waapiComponentConverter(ApplicationContext applicationContext) {
        return new WaapiComponentConverter(applicationContext);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureWaapiComponent(
            ApplicationContext applicationContext,
            WaapiComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext camelContext = target.getCamelContext();
                Map<String, Object> options = configuration.configuredOptions();
                UnresolvedSecrets.check(camelContext, options);
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.waapi.customizer")
                        && target instanceof WaapiComponent;
            }
        };
    }
}
