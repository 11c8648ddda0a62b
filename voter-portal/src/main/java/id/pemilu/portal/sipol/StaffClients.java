package id.pemilu.portal.sipol;

import id.pemilu.portal.PortalProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The Sipol and Silon clients acting for the signed-in officer: each request carries the officer's access token from
 * the session (refreshed when due) to {@code PARTY_REGISTRY_URL} / {@code CANDIDATE_SERVICE_URL} (the gateway or the
 * service; the service checks the token and the officer's role and party/region itself).
 */
@Configuration
public class StaffClients {

    /** The Keycloak registration of the portal's sign-in ({@code SignInConfig.REGISTRATION}). */
    static final String REGISTRATION = "keycloak";

    /** party-registry (Sipol) for the signed-in officer. */
    public record Sipol(StaffApi api) {
    }

    /** candidate-service (Silon) for the signed-in officer. */
    public record Silon(StaffApi api) {
    }

    @Bean
    Sipol staffSipol(RestClient.Builder builder, PortalProperties properties, OAuth2AuthorizedClientManager manager,
                     OAuth2AuthorizedClientRepository clients) {
        return new Sipol(new StaffApi(client(builder, properties.partyRegistryUrl(), properties, manager, clients,
                // a member list of many MB is copied to the service before it answers
                Duration.ofMinutes(5)), "party-registry"));
    }

    @Bean
    Silon staffSilon(RestClient.Builder builder, PortalProperties properties, OAuth2AuthorizedClientManager manager,
                     OAuth2AuthorizedClientRepository clients) {
        return new Silon(new StaffApi(client(builder, properties.candidateServiceUrl(), properties, manager, clients,
                Duration.ofSeconds(25)), "candidate-service"));
    }

    private static RestClient client(RestClient.Builder builder, String baseUrl, PortalProperties properties,
                                     OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients,
                                     Duration extra) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        bearer.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout().plus(extra));
        return builder.clone().baseUrl(baseUrl).requestFactory(factory).requestInterceptor(bearer).build();
    }
}
