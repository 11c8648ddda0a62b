package id.pemilu.portal.backend;

import java.util.Map;
import org.springframework.web.client.RestClient;

/** recap-service's public read API (results per region, progress, one TPS). */
public class RecapApi {

    private final RestClient client;

    RecapApi(RestClient client) {
        this.client = client;
    }

    public Object raw(String path, Object... variables) {
        return PublicReads.any(client, "recap-service", path, variables);
    }

    public Map<String, Object> object(String path, Object... variables) {
        return PublicReads.object(client, "recap-service", path, variables);
    }
}
