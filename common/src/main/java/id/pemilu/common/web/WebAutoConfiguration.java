package id.pemilu.common.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemAdvice.class, RequestBodyProblems.class, FrameworkProblems.class})
public class WebAutoConfiguration {

    /** Whom to believe about the client's address: only requests carrying the gateway's key. */
    @Bean
    @ConditionalOnMissingBean
    ClientAddress clientAddress(@Value("${pemilu.gateway.key:dev-only-gateway-key-change-me}") String gatewayKey) {
        return new ClientAddress(gatewayKey);
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
            @Value("${pemilu.web.sign-in-issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer) {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter(issuer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tokens are refused from their {@code exp} on, give or take {@code JWT_CLOCK_SKEW} (5 s; the library default of
     * 60 s kept a token alive a minute past its expiry). Added to the default validators (which keep their 60 s).
     */
    @Bean
    @ConditionalOnClass(JwtTimestampValidator.class)
    OAuth2TokenValidator<Jwt> tokenLifetime(@Value("${pemilu.jwt.clock-skew:5s}") Duration skew) {
        return new JwtTimestampValidator(skew);
    }

    /** Spring Security's strict firewall, its header rules checked without a regex for printable ASCII. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.security.web.firewall.StrictHttpFirewall")
    @ConditionalOnMissingBean(type = "org.springframework.security.web.firewall.HttpFirewall")
    org.springframework.security.web.firewall.HttpFirewall headerFirewall() {
        return HeaderFirewall.strict();
    }

    /** Spring MVC's handler lookup with the path checked before the other conditions (same answers, less work). */
    @Bean
    @ConditionalOnMissingBean(WebMvcRegistrations.class)
    WebMvcRegistrations pathFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    @Bean
    StrictJsonRequests strictJsonRequests() {
        return new StrictJsonRequests();
    }
}
