package id.pemilu.common.mongo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** A store that needs a commit before an answer ({@link StoreDurability}) gets {@link DurableWritesFilter} on /api. */
@AutoConfiguration(after = EmbeddedMongoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DurableWritesAutoConfiguration {

    @Bean
    @ConditionalOnBean(StoreDurability.class)
    FilterRegistrationBean<DurableWritesFilter> durableWritesFilter(StoreDurability durability,
                                                                    ObjectProvider<StoreSpace> space) {
        FilterRegistrationBean<DurableWritesFilter> registration = new FilterRegistrationBean<>(
                new DurableWritesFilter(durability, space.getIfAvailable(() -> StoreSpace.ALWAYS)));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
