package id.pemilu.recap;

import id.pemilu.common.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/** Citizens read {@code /api/recap/public/**} without a token; everything else needs a realm token. */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String PUBLIC_PATHS = "/api/recap/public/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServerSecurity.apply(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(ResourceServerSecurity.PUBLIC_INFRA_PATHS).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * No Spring Security observations at all, not even no-op ones: with observations merely disabled
     * ({@code management.observations.enable.spring.security}), every filter, the authentication and each
     * authorization decision were still wrapped, and the wrapping alone took ~14 % of a confirmation's CPU on the
     * request thread (issue 22 profile). The per-request HTTP timer stays.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
