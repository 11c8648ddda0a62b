package id.pemilu.portal.backend;

import id.pemilu.portal.signin.OfficerClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * recap-service called for the signed-in officer (KPPS, PPK/KPU, Bawaslu) with their own token: the service decides
 * what each may see and do, the portal shows its answer. One client for every console; a 5xx or no answer at all is
 * {@link BackendUnavailable}, anything else comes back as an {@link Answer} for the page to put in words.
 */
@Component("officerRecapClient") // "officerRecap" is the RestClient bean of signin.OfficerClients
public class OfficerRecap {

    static final String SERVICE = "recap-service";

    /** An answer of recap-service: status and JSON body (a document, or an RFC 9457 problem). */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The service's reason (problem detail, else its title). */
        public String detail() {
            String detail = body.path("detail").asString("");
            return detail.isBlank() ? body.path("title").asString("Permintaan ditolak.") : detail;
        }

        /** This answer, unless it is a 403: then the console's refusal with the service's reason is thrown. */
        public Answer orThrow(Function<String, ? extends RuntimeException> refusal) {
            if (status == 403) {
                throw refusal.apply(detail());
            }
            return this;
        }
    }

    /** A file from recap-service (photo, PDF) with the service's reason when it refused. */
    public record File(int status, String contentType, byte[] bytes, String detail, HttpHeaders headers) {
    }

    private final RestClient client;

    OfficerRecap(OfficerClients.Recap recap) {
        this.client = recap.client();
    }

    public Answer get(String path, Object... variables) {
        return exchange(client.get().uri(path, variables));
    }

    public Answer post(Object body, String path, Object... variables) {
        return exchange(client.post().uri(path, variables).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body));
    }

    /** A TPS's result of one ballot (with its history). */
    public Answer result(String tps, String type) {
        return get("/api/recap/tps/{t}/ballots/{b}", tps, type);
    }

    /** A submission: its pages, the reader's progress and the draft. */
    public Answer submission(String id) {
        return get("/api/recap/submissions/{id}", id);
    }

    /** One page of a C.Hasil photo, carried with the officer's Idempotency-Key (a retry never counts twice). */
    public Answer upload(String tps, String type, int page, String submissionId, String idempotencyKey,
                         String fileName, String contentType, byte[] photo) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType == null || contentType.isBlank()
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType));
        partHeaders.setContentDispositionFormData("photo", fileName == null || fileName.isBlank() ? "c-hasil.jpg"
                : fileName);
        parts.add("photo", new HttpEntity<>(new ByteArrayResource(photo), partHeaders));
        String uri = "/api/recap/tps/{t}/ballots/{b}/photos?page={p}"
                + (submissionId == null || submissionId.isBlank() ? "" : "&submissionId=" + submissionId);
        return exchange(client.post().uri(uri, tps, type, page).contentType(MediaType.MULTIPART_FORM_DATA)
                .header("Idempotency-Key", idempotencyKey).body(parts));
    }

    /** The officer's confirmation of the numbers (only those retyped), with its Idempotency-Key. */
    public Answer confirm(String tps, String type, String idempotencyKey, String submissionId,
                          List<Map<String, Object>> values, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", submissionId);
        body.put("values", values);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return exchange(client.post().uri("/api/recap/tps/{t}/ballots/{b}/confirm", tps, type)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", idempotencyKey).body(body));
    }

    /** A file (photo, PDF); a refusal carries the service's reason. */
    public File file(String path, Object... variables) {
        try {
            return client.get().uri(path, variables).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new BackendUnavailable(SERVICE, null);
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
                return new File(status, type == null ? null : type.toString(), bytes, detail,
                        HttpHeaders.copyOf(response.getHeaders()));
            });
        } catch (RestClientException e) {
            throw new BackendUnavailable(SERVICE, e);
        }
    }

    private static Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new BackendUnavailable(SERVICE, null);
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
            throw new BackendUnavailable(SERVICE, e);
        }
    }
}
