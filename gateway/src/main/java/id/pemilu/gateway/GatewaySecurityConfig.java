package id.pemilu.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway validates every token itself (issuer, signature, expiry) before relaying it unchanged to the service,
 * which checks roles and scope. Anonymous callers reach only the public API ({@code /api/{service}/public/**}), the
 * portal and the docs.
 */
@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class GatewaySecurityConfig {

    private final int managementPort;

    GatewaySecurityConfig(@Value("${management.server.port:-1}") int managementPort) {
        this.managementPort = managementPort;
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    /**
     * The policy with Keycloak's origin allowed as a form target: signing out of the portal is a form post answered
     * with a redirect to Keycloak's logout endpoint (and a form sent after the session expired is redirected to the
     * sign-in page), which browsers check against {@code form-action}. Workers (the portal's service worker) and the
     * web manifest come from the portal itself.
     */
    static String contentSecurityPolicy(String issuer) {
        java.net.URI uri = java.net.URI.create(issuer);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return CONTENT_SECURITY_POLICY + " " + origin + "; worker-src 'self'; manifest-src 'self'";
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http,
            @org.springframework.beans.factory.annotation.Value(
                    "${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // metrics and the route list are for the operators' scraper on the management port only
                        .matchers(this::actuatorOnPublicPort).denyAll()
                        .pathMatchers("/api/*/public", "/api/*/public/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakRoles()))
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "Perlu login", "Token tidak ada, kedaluwarsa, atau tidak sah.")))
                .exceptionHandling(e -> e.accessDeniedHandler((exchange, denied) -> problem(exchange,
                        HttpStatus.FORBIDDEN, "Akses ditolak", "Peran Anda tidak mencakup sumber ini.")))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicy(p -> p.policy("camera=(self), geolocation=(), microphone=()")))
                .build();
    }

    /**
     * A request the firewall refuses before any route (an encoded slash {@code %2F} or backslash, {@code ..}
     * segments, a non-printable character in the path) gets a problem body like every other refusal, not an empty 400.
     */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler exchangeRejected() {
        return (exchange, rejected) -> problem(exchange, HttpStatus.BAD_REQUEST, "Permintaan tidak valid",
                "Alamat permintaan memuat karakter yang tidak diizinkan (mis. garis miring tersandi %2F atau '..').");
    }

    /** The strict firewall, its header rules checked without a regex for printable ASCII ({@link HeaderCheck}). */
    @Bean
    org.springframework.security.web.server.firewall.ServerWebExchangeFirewall exchangeFirewall() {
        return HeaderCheck.firewall();
    }

    @Bean
    PublicRateLimitFilter publicRateLimitFilter(RateLimitProperties properties) {
        return new PublicRateLimitFilter(properties);
    }

    @Bean
    PublicReadCacheFilter publicReadCacheFilter(@Value("${pemilu.gateway.public-read-cache.ttl:1s}") Duration ttl,
                                                RateLimitProperties properties) {
        return new PublicReadCacheFilter(ttl, properties.reads().paths());
    }

    @Bean
    ClientAddressFilter clientAddressFilter(@Value("${pemilu.gateway.key}") String gatewayKey,
                                            Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("prod | production")) && gatewayKey.contains("dev-only")) {
            throw new IllegalStateException("Production profile with the throwaway dev gateway key: set "
                    + "PEMILU_GATEWAY_KEY (see SECURITY.md).");
        }
        return new ClientAddressFilter(gatewayKey);
    }

    @Bean
    EmptyErrorBodyFilter emptyErrorBodyFilter() {
        return new EmptyErrorBodyFilter();
    }

    @Bean
    AnonymousBodyLimitFilter anonymousBodyLimitFilter(
            @Value("${pemilu.gateway.public-max-request-size:64KB}") DataSize maxSize) {
        return new AnonymousBodyLimitFilter(maxSize);
    }

    /**
     * Tokens are refused from their {@code exp} on, give or take {@code JWT_CLOCK_SKEW} (5 s: Keycloak and the
     * gateway share NTP-synchronised clocks; the library default of 60 s kept a stolen token alive a minute longer).
     */
    @Bean
    OAuth2TokenValidator<Jwt> tokenLifetime(@Value("${pemilu.jwt.clock-skew:5s}") Duration skew) {
        return new JwtTimestampValidator(skew);
    }

    private Mono<ServerWebExchangeMatcher.MatchResult> actuatorOnPublicPort(ServerWebExchange exchange) {
        boolean actuator = exchange.getRequest().getPath().value().startsWith("/actuator");
        var local = exchange.getRequest().getLocalAddress();
        boolean onManagementPort = managementPort > 0 && local != null && local.getPort() == managementPort;
        return actuator && !onManagementPort ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> keycloakRoles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        converter.setJwtGrantedAuthoritiesConverter(GatewaySecurityConfig::realmRoles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return Problems.write(exchange, status, title, detail);
    }
}
