package id.pemilu.portal.sipol;

import id.pemilu.portal.backend.BackendUnavailable;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A service's staff API called with the signed-in officer's token (party-registry for Sipol, candidate-service for
 * Silon). Every answer comes back as it is: status and JSON body (a result, or an RFC 9457 problem whose detail the
 * page shows); only an outage (no answer, 5xx) is an exception.
 */
public class StaffApi {

    /** The service's answer. */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's detail in the service's words (Bahasa Indonesia). */
        public String detail() {
            String detail = body.path("detail").asString("");
            return detail.isBlank() ? body.path("title").asString("Permintaan ditolak (" + status + ").") : detail;
        }
    }

    /** A file the service answered with (e.g. the per-row report). */
    public record Download(int status, String contentType, String disposition, byte[] body) {
    }

    private final RestClient client;
    private final String service;

    public StaffApi(RestClient client, String service) {
        this.client = client;
        this.service = service;
    }

    public Answer get(String path, Object... variables) {
        return exchange(client.get().uri(path, variables));
    }

    public Answer post(Object body, String path, Object... variables) {
        RestClient.RequestBodySpec spec = client.post().uri(path, variables);
        return exchange(body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Answer put(Object body, String path, Object... variables) {
        return exchange(client.put().uri(path, variables).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    /** Any other request (multipart upload) built by the caller on this client. */
    public Answer send(Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        return exchange(request.apply(client));
    }

    public Download download(String path, Object... variables) {
        try {
            return client.get().uri(path, variables).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new BackendUnavailable(service, null);
                }
                MediaType type = response.getHeaders().getContentType();
                return new Download(status, type == null ? null : type.toString(),
                        response.getHeaders().getFirst("Content-Disposition"), response.getBody().readAllBytes());
            });
        } catch (RestClientException e) {
            throw new BackendUnavailable(service, e);
        }
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new BackendUnavailable(service, null);
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
            throw new BackendUnavailable(service, e);
        }
    }
}
