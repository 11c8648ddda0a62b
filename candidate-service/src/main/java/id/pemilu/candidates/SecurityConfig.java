package id.pemilu.candidates;

import id.pemilu.candidates.dapil.DapilSetAuthorization;
import id.pemilu.common.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServerSecurity.apply(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(ResourceServerSecurity.PUBLIC_INFRA_PATHS).permitAll()
                        .requestMatchers("/api/candidates/public/**").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/dapil/sets/{body}/{areaCode}")
                        .access(new DapilSetAuthorization())
                        .anyRequest().authenticated())
                .build();
    }
}
