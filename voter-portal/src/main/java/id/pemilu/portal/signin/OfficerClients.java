package id.pemilu.portal.signin;

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
 * HTTP clients that act for the signed-in officer: each request carries the officer's access token from the session
 * (refreshed when due). They call the service URLs the portal is configured with ({@code RECAP_SERVICE_URL}, ...):
 * the services check the token and the officer's scope themselves, so the gateway adds nothing on this hop inside
 * the cluster; point the URL at the gateway to route through it instead (the paths are the same).
 */
@Configuration
public class OfficerClients {

    /** The recap-service (Sirekap) client acting for the signed-in officer. */
    public record Recap(RestClient client) {
    }

    @Bean
    Recap officerRecap(RestClient.Builder builder, PortalProperties properties,
                       OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
        bearer.setClientRegistrationIdResolver(request -> SignInConfig.REGISTRATION);
        // a 401/403 from the service because the token is no longer accepted drops it: the next call signs in again
        bearer.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        // uploads of several MB on a slow link inside the cluster still fit
        factory.setReadTimeout(properties.timeout().plus(Duration.ofSeconds(25)));
        return new Recap(builder.clone().baseUrl(properties.recapServiceUrl()).requestFactory(factory)
                .requestInterceptor(bearer).build());
    }
}
