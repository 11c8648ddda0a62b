package id.pemilu.portal.backend;

import id.pemilu.common.web.ClientAddress;
import id.pemilu.portal.PortalProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** One HTTP client per service the portal reads from, with the configured timeout. */
@Configuration
class Backends {

    @Bean
    ShortLivedCache publicReads(PortalProperties properties) {
        return new ShortLivedCache(properties.cacheTtl(), 5_000, Clock.systemUTC());
    }

    @Bean
    RecapApi recapApi(RestClient.Builder builder, PortalProperties properties) {
        return new RecapApi(client(builder, properties.recapServiceUrl(), properties));
    }

    /** Calls made for a citizen carry the gateway key, so the service believes the citizen's address we pass on. */
    @Bean
    MembersApi membersApi(RestClient.Builder builder, PortalProperties properties, ClientAddress clients) {
        return new MembersApi(client(builder.clone().defaultHeader(ClientAddress.GATEWAY_KEY_HEADER,
                clients.gatewayKey()), properties.partyRegistryUrl(), properties));
    }

    @Bean
    CandidatesApi candidatesApi(RestClient.Builder builder, PortalProperties properties, ClientAddress clients) {
        return new CandidatesApi(client(builder.clone().defaultHeader(ClientAddress.GATEWAY_KEY_HEADER,
                clients.gatewayKey()), properties.candidateServiceUrl(), properties));
    }

    private static RestClient client(RestClient.Builder builder, String baseUrl, PortalProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        return builder.clone().baseUrl(baseUrl).requestFactory(factory).build();
    }
}
