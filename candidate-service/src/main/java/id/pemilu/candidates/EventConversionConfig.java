package id.pemilu.candidates;

import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON conversion of domain events. Spring AMQP trusts only exact package names, so the events' own package is named
 * here (a bare {@code id.pemilu} does not cover {@code id.pemilu.common.events}).
 */
@Configuration
class EventConversionConfig {

    @Bean
    MessageConverter eventMessageConverter() {
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter("id.pemilu.common.events");
        DefaultJacksonJavaTypeMapper typeMapper = new DefaultJacksonJavaTypeMapper();
        typeMapper.setTrustedPackages("id.pemilu", "id.pemilu.common.events");
        converter.setJavaTypeMapper(typeMapper);
        return converter;
    }
}
