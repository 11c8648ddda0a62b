package id.pemilu.portal.backend;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/** party-registry's public endpoints: the citizen's NIK check and complaint. Never cached: answers are personal. */
public class MembersApi {

    /** What the citizen learns: nothing, or the parties that list them. */
    public record NikCheckAnswer(boolean listed, List<ListedParty> parties, String problem) {
    }

    public record ListedParty(String partyId, String name) {
    }

    private final RestClient client;

    MembersApi(RestClient client) {
        this.client = client;
    }

    public NikCheckAnswer check(String nik, String fullName, String clientAddress) {
        JsonNode body = post("/api/members/public/nik-check", Map.of("nik", nik, "fullName", fullName), clientAddress);
        if (isProblem(body)) {
            return new NikCheckAnswer(false, List.of(), detail(body));
        }
        boolean listed = "LISTED".equals(body.path("result").asString());
        List<ListedParty> parties = body.path("parties").valueStream()
                .map(p -> new ListedParty(p.path("partyId").asString(),
                        p.path("name").asString(p.path("partyId").asString()))).toList();
        return new NikCheckAnswer(listed, parties, null);
    }

    /** Files "this is not me"; returns the complaint reference, or the reason it was refused. */
    public JsonNode complain(Map<String, Object> complaint, String clientAddress) {
        return post("/api/members/public/complaints", complaint, clientAddress);
    }

    /** An RFC 9457 problem body (numeric {@code status} 4xx/5xx) rather than an answer. */
    public static boolean isProblem(JsonNode body) {
        return body.path("status").isNumber() && body.path("status").asInt() >= 400;
    }

    static String detail(JsonNode problem) {
        String detail = problem.path("detail").asString("");
        return detail.isBlank() ? problem.path("title").asString("Permintaan ditolak.") : detail;
    }

    private JsonNode post(String path, Object body, String clientAddress) {
        try {
            return client.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", clientAddress)
                    .body(body)
                    .exchange((request, response) -> {
                        JsonNode json = response.bodyTo(JsonNode.class);
                        HttpStatusCode status = response.getStatusCode();
                        if (status.is5xxServerError() || json == null) {
                            throw new BackendUnavailable("party-registry", null);
                        }
                        return json;
                    });
        } catch (RestClientException e) {
            throw new BackendUnavailable("party-registry", e);
        }
    }
}
