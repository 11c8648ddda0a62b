package id.pemilu.portal;

import id.pemilu.common.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The portal is for citizens: every page is public. It holds no personal data itself; what it shows comes from the
 * services' public read endpoints.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServerSecurity.apply(http)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }
}
