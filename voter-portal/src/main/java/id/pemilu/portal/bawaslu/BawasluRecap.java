package id.pemilu.portal.bawaslu;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.signin.OfficerClients;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** recap-service as Bawaslu reads it, with the signed-in officer's token: results, originals, log, recommendations. */
@Component
class BawasluRecap {

    /** Status and JSON body (a resource, or an RFC 9457 problem). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            String detail = body.path("detail").asString("");
            return detail.isBlank() ? body.path("title").asString("Permintaan ditolak.") : detail;
        }
    }

    /** The original photo as sent (with EXIF) and the SHA-256 recap-service recorded for it. */
    record Original(byte[] bytes, String contentType, String recordedSha256) {
    }

    private final RestClient client;

    BawasluRecap(OfficerClients.Recap recap) {
        this.client = recap.client();
    }

    Answer publicTps(String tps) {
        return get("/api/recap/public/tps/{t}", tps);
    }

    Answer result(String tps, String type) {
        return get("/api/recap/tps/{t}/ballots/{b}", tps, type);
    }

    Answer logOf(String tps, String type) {
        return get("/api/recap/public/log/tps/{t}/{b}", tps, type);
    }

    Answer recommendations(String region) {
        return get("/api/recap/recommendations?region={r}", region);
    }

    Answer recommend(String target, String type, String kind, String reason) {
        return exchange(client.post().uri("/api/recap/recommendations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("target", target, "ballotType", type, "kind", kind, "reason", reason)));
    }

    Original original(String submissionId, int page) {
        try {
            return client.get().uri("/api/recap/submissions/{id}/photos/{p}/original", submissionId, page)
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            return null;
                        }
                        MediaType type = response.getHeaders().getContentType();
                        return new Original(response.getBody().readAllBytes(),
                                type == null ? "application/octet-stream" : type.toString(),
                                response.getHeaders().getFirst("X-Photo-Sha256"));
                    });
        } catch (RestClientException e) {
            throw new BackendUnavailable("recap-service", e);
        }
    }

    private Answer get(String path, Object... variables) {
        return exchange(client.get().uri(path, variables));
    }

    private static Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new BackendUnavailable("recap-service", null);
                }
                JsonNode body;
                try {
                    body = response.bodyTo(JsonNode.class);
                } catch (RuntimeException e) {
                    body = null;
                }
                return new Answer(status, body == null ? MissingNode.getInstance() : body);
            });
        } catch (RestClientException e) {
            throw new BackendUnavailable("recap-service", e);
        }
    }
}
