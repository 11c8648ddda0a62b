package id.pemilu.portal.rekap;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.signin.OfficerClients;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * recap-service called for the signed-in PPK/KPU officer, with their token: the service decides what the officer may
 * see and do (region scope, tier), the portal shows its answer. Nothing here checks scope on its own.
 */
@Component
class StaffRecap {

    /** An answer of recap-service: status and JSON body (a document, or an RFC 9457 problem). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            String detail = body.path("detail").asString("");
            return detail.isBlank() ? body.path("title").asString("Permintaan ditolak.") : detail;
        }

        /** Every problem carries the service's reason; a 403 also becomes the refusal page. */
        Answer orRefuse() {
            if (status == 403) {
                throw new RekapAccess.Refused(detail());
            }
            return this;
        }
    }

    /** A file from recap-service (photo, PDF). */
    record File(int status, String contentType, byte[] bytes, String detail) {
    }

    private final RestClient client;

    StaffRecap(OfficerClients.Recap recap) {
        this.client = recap.client();
    }

    Answer get(String path, Object... variables) {
        return exchange(client.get().uri(path, variables));
    }

    Answer post(Object body, String path, Object... variables) {
        return exchange(client.post().uri(path, variables).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? java.util.Map.of() : body));
    }

    File file(String path, Object... variables) {
        try {
            return client.get().uri(path, variables).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new BackendUnavailable("recap-service", null);
                }
                byte[] bytes = response.getBody().readAllBytes();
                MediaType type = response.getHeaders().getContentType();
                String detail = null;
                if (status >= 400) {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"")
                            .matcher(text);
                    detail = m.find() ? m.group(1) : "Permintaan ditolak.";
                }
                return new File(status, type == null ? null : type.toString(), bytes, detail);
            });
        } catch (RestClientException e) {
            throw new BackendUnavailable("recap-service", e);
        }
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
