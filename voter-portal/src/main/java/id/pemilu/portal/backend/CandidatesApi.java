package id.pemilu.portal.backend;

import java.util.Map;
import org.springframework.web.client.RestClient;

/** candidate-service's public read API (DCS/DCT per dapil). */
public class CandidatesApi {

    private final RestClient client;

    CandidatesApi(RestClient client) {
        this.client = client;
    }

    public Object raw(String path, Object... variables) {
        return PublicReads.any(client, "candidate-service", path, variables);
    }

    public Map<String, Object> object(String path, Object... variables) {
        return PublicReads.object(client, "candidate-service", path, variables);
    }
}
