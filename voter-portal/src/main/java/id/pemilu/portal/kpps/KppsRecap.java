package id.pemilu.portal.kpps;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.signin.OfficerClients;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** recap-service's officer API, called with the signed-in officer's token. */
@Component
class KppsRecap {

    /** An answer of recap-service: status and JSON body (a result, or an RFC 9457 problem). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            String detail = body.path("detail").asString("");
            return detail.isBlank() ? body.path("title").asString("Permintaan ditolak.") : detail;
        }
    }

    private final RestClient client;

    KppsRecap(OfficerClients.Recap recap) {
        this.client = recap.client();
    }

    Answer result(String tps, String type) {
        return get("/api/recap/tps/{t}/ballots/{b}", tps, type);
    }

    Answer submission(String id) {
        return get("/api/recap/submissions/{id}", id);
    }

    Answer upload(String tps, String type, int page, String submissionId, String idempotencyKey, String fileName,
                  String contentType, byte[] photo) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType == null || contentType.isBlank()
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType));
        partHeaders.setContentDispositionFormData("photo", fileName == null || fileName.isBlank() ? "c-hasil.jpg"
                : fileName);
        parts.add("photo", new org.springframework.http.HttpEntity<>(new ByteArrayResource(photo), partHeaders));
        String uri = "/api/recap/tps/{t}/ballots/{b}/photos?page={p}"
                + (submissionId == null || submissionId.isBlank() ? "" : "&submissionId=" + submissionId);
        return exchange(client.post().uri(uri, tps, type, page).contentType(MediaType.MULTIPART_FORM_DATA)
                .header("Idempotency-Key", idempotencyKey).body(parts));
    }

    Answer confirm(String tps, String type, String idempotencyKey, String submissionId,
                   List<Map<String, Object>> values, String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("submissionId", submissionId);
        body.put("values", values);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return exchange(client.post().uri("/api/recap/tps/{t}/ballots/{b}/confirm", tps, type)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", idempotencyKey).body(body));
    }

    /**
     * The copy without metadata of one page of the officer's own submission (with the officer's token: a draft's
     * photo is not public); null if there is none.
     */
    byte[] submissionPhoto(String submissionId, int page) {
        try {
            return client.get().uri("/api/recap/submissions/{id}/photos/{p}", submissionId, page)
                    .exchange((request, response) -> {
                if (response.getStatusCode().value() == 404) {
                    return null;
                }
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new BackendUnavailable("recap-service", null);
                }
                return response.getBody().readAllBytes();
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
