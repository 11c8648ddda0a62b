package id.pemilu.candidates;

import id.pemilu.common.events.PartyMemberVerified;
import id.pemilu.common.events.PartyRegistered;
import id.pemilu.common.events.PartyRequirementsEvaluated;
import id.pemilu.common.security.NikHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Builds party events and request bodies for the API tests (feeds the service as party-registry would). */
public final class WorkflowFixture {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkflowFixture() {
    }

    public static PartyRegistered registered(String partyId, String name) {
        return PartyRegistered.now(partyId, name, partyId.toUpperCase());
    }

    public static PartyRequirementsEvaluated eligible(String partyId) {
        return new PartyRequirementsEvaluated(UUID.randomUUID(), Instant.now(), 1, partyId, true, List.of());
    }

    public static PartyMemberVerified member(String partyId, String nik, String key) {
        return new PartyMemberVerified(UUID.randomUUID(), Instant.now(), 1, partyId, NikHash.of(nik, key), "31.71");
    }

    public static Map<String, Object> candidate(String nik, String name, String gender) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("nik", nik);
        c.put("name", name);
        c.put("gender", gender);
        c.put("birthDate", "1980-06-01");
        c.put("address", "Jl. Rahasia No. " + nik.substring(12));
        c.put("education", "S1");
        c.put("occupation", "SWASTA");
        c.put("documents", List.of("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK"));
        c.put("cvConsent", true);
        c.put("cv", "Riwayat " + name);
        return c;
    }

    public static String listBody(List<Map<String, Object>> candidates, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidates", new ArrayList<>(candidates));
        if (reason != null) {
            body.put("reason", reason);
        }
        return JSON.writeValueAsString(body);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
