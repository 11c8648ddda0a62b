package id.pemilu.portal.backend;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/** candidate-service's public API: dapil, DCS/DCT per dapil, and citizens' feedback on DCS candidates. */
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

    /** Sends a citizen's feedback; returns the service's answer (a receipt, or a problem with its reason). */
    public JsonNode feedback(String candidateId, String text, List<String> evidenceUrls, String clientAddress) {
        try {
            return client.post().uri("/api/candidates/public/candidates/{id}/feedback", candidateId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", clientAddress)
                    .body(Map.of("text", text, "evidenceUrls", evidenceUrls))
                    .exchange((request, response) -> {
                        JsonNode json = response.bodyTo(JsonNode.class);
                        if (response.getStatusCode().is5xxServerError() || json == null) {
                            throw new BackendUnavailable("candidate-service", null);
                        }
                        return json;
                    });
        } catch (RestClientException e) {
            throw new BackendUnavailable("candidate-service", e);
        }
    }
}
