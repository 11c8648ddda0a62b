package id.pemilu.desk;

import id.pemilu.common.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Everyone reads {@code /api/desk/public/**}; everything else needs a realm token with a desk role. */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServerSecurity.apply(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(ResourceServerSecurity.PUBLIC_INFRA_PATHS).permitAll()
                        .requestMatchers("/api/desk/public/**").permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
