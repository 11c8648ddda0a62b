package id.pemilu.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal reads public data, and how long it keeps a read before asking again (election night: thousands
 * of citizens look at the same region; the services see one request per region per {@code cacheTtl}).
 */
@ConfigurationProperties("pemilu.portal")
public record PortalProperties(String recapServiceUrl, String partyRegistryUrl, String candidateServiceUrl,
                               Duration cacheTtl, Duration timeout) {

    public PortalProperties {
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(5) : cacheTtl;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
