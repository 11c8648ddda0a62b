package id.pemilu.common.security;

import id.pemilu.common.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** The settings every service shares as an OAuth2 resource server of the Keycloak realm {@code pemilu}. */
public final class ResourceServerSecurity {

    private ResourceServerSecurity() {
    }

    /** Keycloak realm roles ({@code realm_access.roles}) become {@code ROLE_<role>} authorities. */
    public static JwtAuthenticationConverter keycloakRolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Caller.authorities(jwt).stream()
                .map(SimpleGrantedAuthority::new).map(a -> (org.springframework.security.core.GrantedAuthority) a)
                .toList());
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }

    /**
     * Stateless JWT resource server with RFC 9457 problem bodies for 401 and 403, without the filters of a session
     * application (logout, request cache, servlet API integration). Callers add their own
     * {@code authorizeHttpRequests} rules; actuator health/info/prometheus and the API docs stay public.
     */
    public static HttpSecurity apply(HttpSecurity http) {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a stateless API has no logout, no saved request to return to, and reads its caller from the
                // security context, not the servlet request: three filters less on every request (one of them wraps
                // the request, which every attribute read then goes through)
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(api -> api.disable())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new BearerHeaderResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakRolesConverter()))
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "Perlu login", "Token tidak ada atau tidak sah."))
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "Akses ditolak", "Peran atau wilayah Anda tidak mencakup sumber ini.")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "Perlu login", "Token tidak ada atau tidak sah."))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "Akses ditolak", "Peran atau wilayah Anda tidak mencakup sumber ini.")))
                .headers(Customizer.withDefaults());
    }

    /** Paths every service leaves open: probes, metrics scrape and API docs. */
    public static final String[] PUBLIC_INFRA_PATHS = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/error"};
}
