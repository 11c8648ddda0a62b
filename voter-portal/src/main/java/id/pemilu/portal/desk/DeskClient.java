package id.pemilu.portal.desk;

import id.pemilu.portal.PortalProperties;
import id.pemilu.portal.backend.BackendUnavailable;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * desk-pilkada's API, called with the signed-in user's access token from the session (refreshed when due), as the
 * KPPS pages call recap-service. desk-pilkada checks the token, the role and the region itself.
 */
@Component
@EnableConfigurationProperties(DeskPortalProperties.class)
class DeskClient {

    /** The sign-in registration of the portal (SignInConfig's Keycloak registration). */
    static final String REGISTRATION = "keycloak";

    /** An answer: status and JSON body (the resource, or an RFC 9457 problem). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            String detail = body.path("detail").asString("");
            return detail.isBlank() ? body.path("title").asString("Permintaan ditolak.") : detail;
        }
    }

    /** A file of the export (CSV, JSON or PDF) as desk-pilkada names and types it. */
    record Download(int status, String contentType, String disposition, byte[] body) {
    }

    private final RestClient client;
    private final RestClient anonymous;

    DeskClient(RestClient.Builder builder, DeskPortalProperties desk, PortalProperties portal,
               OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        bearer.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(portal.timeout()).build());
        factory.setReadTimeout(portal.timeout().multipliedBy(3));
        this.client = builder.clone().baseUrl(desk.url()).requestFactory(factory).requestInterceptor(bearer).build();
        this.anonymous = builder.clone().baseUrl(desk.url()).requestFactory(factory).build();
    }

    /** The public comparison (no token: what any citizen reads; desk-pilkada keeps it a few seconds). */
    Answer comparison(String region, String contest) {
        return exchange(anonymous.get().uri("/api/desk/public/comparison?region={r}&contest={c}", region, contest));
    }

    Answer form(String tps, String contest) {
        return exchange(client.get().uri("/api/desk/form/{t}/{c}", tps, contest));
    }

    Answer progress(String region, String contest, int limit) {
        return exchange(client.get().uri("/api/desk/progress?region={r}&contest={c}&limit={l}", region, contest,
                limit));
    }

    Answer report(String tps, String contest, String idempotencyKey, Map<String, Object> body) {
        return exchange(client.post().uri("/api/desk/reports/{t}/{c}", tps, contest)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", idempotencyKey).body(body));
    }

    Answer correct(String tps, String contest, String idempotencyKey, Map<String, Object> body) {
        return exchange(client.post().uri("/api/desk/reports/{t}/{c}/corrections", tps, contest)
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", idempotencyKey).body(body));
    }

    Answer reporters(String region, String contest) {
        return exchange(client.get().uri("/api/desk/reporters?region={r}&contest={c}", region, contest));
    }

    Answer block(String username, String reason) {
        return exchange(client.post().uri("/api/desk/reporters/{u}/block", username)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason == null ? "" : reason.strip())));
    }

    Answer unblock(String username) {
        return exchange(client.post().uri("/api/desk/reporters/{u}/unblock", username));
    }

    /** A photo of a quick report's form (desk-pilkada checks that the caller's region covers its TPS). */
    Download photo(String sha256) {
        return download("/api/desk/photos/{s}", sha256);
    }

    /** The reporter's photo of the form, attached to their report of the TPS. */
    Answer attachPhoto(String tps, String contest, String fileName, String contentType, byte[] bytes) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts =
                new org.springframework.util.LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType == null || contentType.isBlank()
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType));
        partHeaders.setContentDispositionFormData("photo", fileName == null || fileName.isBlank() ? "formulir.jpg"
                : fileName);
        parts.add("photo", new org.springframework.http.HttpEntity<>(
                new org.springframework.core.io.ByteArrayResource(bytes), partHeaders));
        return exchange(client.post().uri("/api/desk/reports/{t}/{c}/photo", tps, contest)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
    }

    Download export(String region, String contest, String format) {
        return download("/api/desk/export?region={r}&contest={c}&format={f}", region, contest, format);
    }

    private Download download(String path, Object... variables) {
        try {
            return client.get().uri(path, variables)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status >= 500) {
                            throw new BackendUnavailable("desk-pilkada", null);
                        }
                        HttpHeaders headers = response.getHeaders();
                        return new Download(status, headers.getContentType() == null ? null
                                : headers.getContentType().toString(),
                                headers.getFirst(HttpHeaders.CONTENT_DISPOSITION), response.getBody().readAllBytes());
                    });
        } catch (RestClientException e) {
            throw new BackendUnavailable("desk-pilkada", e);
        }
    }

    static Map<String, Object> body(List<Integer> candidates, Integer valid, Integer invalid, Integer total,
                                    String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("candidates", candidates);
        body.put("valid", valid);
        body.put("invalid", invalid);
        body.put("total", total);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return body;
    }

    private static Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new BackendUnavailable("desk-pilkada", null);
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
            throw new BackendUnavailable("desk-pilkada", e);
        }
    }
}
