package id.pemilu.recap.result;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/** Registers {@link ConfirmFastPath} as the last servlet filter, with MVC's own JSON mapper and exception resolvers. */
@Configuration(proxyBeanMethods = false)
class ConfirmFastPathConfig {

    @Bean
    ConfirmFastPath confirmFastPath(ObjectProvider<ResultService> service,
                                    ObjectProvider<RequestMappingHandlerAdapter> adapter,
                                    @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver,
                                    @Value("${pemilu.recap.fast-confirm:${RECAP_FAST_CONFIRM:true}}") boolean enabled) {
        return new ConfirmFastPath(() -> {
            JsonMapper mapper = jsonMapper(adapter.getObject());
            return new ConfirmFastPath.Parts(service.getObject(), mapper.readerFor(ConfirmCommand.class),
                    mapper.writerFor(ResultController.ResultView.class),
                    resolver.getObject());
        }, enabled);
    }

    @Bean
    FilterRegistrationBean<ConfirmFastPath> confirmFastPathRegistration(ConfirmFastPath filter) {
        FilterRegistrationBean<ConfirmFastPath> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/recap/tps/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /** The mapper MVC reads request bodies with (the strict one, common's {@code StrictJsonRequests}). */
    private static JsonMapper jsonMapper(RequestMappingHandlerAdapter adapter) {
        for (HttpMessageConverter<?> converter : adapter.getMessageConverters()) {
            if (converter.getClass() == JacksonJsonHttpMessageConverter.class) {
                return ((JacksonJsonHttpMessageConverter) converter).getMapper();
            }
        }
        throw new IllegalStateException("Spring MVC has no JSON converter");
    }
}
