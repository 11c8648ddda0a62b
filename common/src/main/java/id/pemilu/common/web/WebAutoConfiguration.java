package id.pemilu.common.web;

import id.pemilu.common.mongo.StoreDurability;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

@AutoConfiguration(afterName = "id.pemilu.common.mongo.EmbeddedMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemAdvice.class)
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnBean(StoreDurability.class)
    FilterRegistrationBean<DurableWritesFilter> durableWritesFilter(StoreDurability durability) {
        FilterRegistrationBean<DurableWritesFilter> registration =
                new FilterRegistrationBean<>(new DurableWritesFilter(durability));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
