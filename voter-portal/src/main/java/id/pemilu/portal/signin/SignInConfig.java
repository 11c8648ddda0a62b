package id.pemilu.portal.signin;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The portal as a backend-for-frontend: officers sign in with Keycloak (authorization code + PKCE S256, confidential
 * client), the tokens stay in the server-side session, the browser only holds an HttpOnly session cookie. Calls to
 * the services carry the officer's access token, refreshed when it is about to expire. Signing out also ends the
 * Keycloak session (RP-initiated logout). Every form is CSRF-protected. Citizens' pages stay public.
 */
@Configuration
@EnableConfigurationProperties(SignInProperties.class)
class SignInConfig {

    static final String REGISTRATION = "keycloak";
    static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION;
    static final java.util.List<java.util.regex.Pattern> ANONYMOUS_FORMS = java.util.List.of(
            java.util.regex.Pattern.compile("/cek-nik"), java.util.regex.Pattern.compile("/cek-nik/pengaduan"),
            java.util.regex.Pattern.compile("/calon/[^/]+/tanggapan"));

    @Bean
    ClientRegistrationRepository clientRegistrations(SignInProperties properties) {
        // every endpoint is given, so nothing is fetched from Keycloak at start-up (the portal starts without it)
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Keycloak (realm pemilu)")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(properties.issuer())
                .authorizationUri(properties.endpoint("auth"))
                .tokenUri(properties.endpoint("token"))
                .jwkSetUri(properties.jwksUri())
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", properties.endpoint("logout")))
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the signed-in officer's access token, refreshing it (refresh token) when it is about to expire. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        // PKCE, and Keycloak's pages in Bahasa Indonesia whatever language the browser asks for (the realm's texts for
        // locale id; an officer can still switch to English there)
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(p -> p.put("ui_locales", "id"))));
        OidcClientInitiatedLogoutSuccessHandler keycloakLogout =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage("/akses-ditolak");
        return http
                // every form of a session is CSRF-protected; the citizens' anonymous forms (NIK check, complaint,
                // candidate feedback) act for no one and carry no token, so their pages stay cacheable for everyone
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> ANONYMOUS_FORMS.stream()
                        .anyMatch(path -> path.matcher(request.getRequestURI()).matches())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/kpps", "/kpps/**").authenticated()
                        .requestMatchers("/staf", "/rekap", "/rekap/**").authenticated()
                        .requestMatchers("/sipol", "/sipol/**", "/silon", "/silon/**").authenticated()
                        .requestMatchers("/desk", "/desk/**").authenticated()
                        .requestMatchers("/bawaslu", "/bawaslu/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2Login(login -> login
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(u -> u.oidcUserService(realmRoles()))
                        .defaultSuccessUrl("/staf")
                        .failureUrl("/masuk-gagal"))
                .logout(logout -> logout
                        .logoutUrl("/keluar")
                        .logoutSuccessHandler(keycloakLogout)
                        .deleteCookies("PEMILU_SESSION"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PATH))
                        .accessDeniedHandler(denied))
                .build();
    }

    /** Keycloak realm roles (ID token claim {@code realm_access.roles}) become {@code ROLE_<role>} authorities. */
    static OAuth2UserService<OidcUserRequest, OidcUser> realmRoles() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            Collection<String> roles = SignedIn.roles(user.getClaims());
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }
}
