package com.easycrm4u.camel.waapi.springboot;

import java.net.http.HttpClient;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import io.vertx.core.Vertx;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns {@code camel.component.waapi.http-client=#myClient} (Camel's way; {@code #bean:myClient} and the plain bean
 * name, as IDE completion inserts it, work too) into the bean of that name, for the options whose type is an object.
 */
class WaapiComponentConverter implements GenericConverter {

    private static final Set<ConvertiblePair> BEAN_REFERENCES = Stream
            .of(WaapiConfiguration.class, HttpClient.class, SSLContextParameters.class, IdempotentRepository.class, Vertx.class)
            .map(type -> new ConvertiblePair(String.class, type))
            .collect(Collectors.toUnmodifiableSet());

    private final ApplicationContext applicationContext;

    WaapiComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_REFERENCES;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length())
                : reference.startsWith("#") ? reference.substring(1) : reference;
        return applicationContext.getBean(name, targetType.getType());
    }
}
