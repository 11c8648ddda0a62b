package id.pemilu.portal.rekap;

import id.pemilu.portal.backend.OfficerRecap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What citizens, witnesses and Bawaslu raised about a TPS or a region, in words for the desk: the reports (why, how
 * many, what they wrote, open or closed by whom) and Bawaslu's recommendations (what, by whom, answered or not).
 * recap-service decides what the officer may read; a refusal leaves the list empty with the reason.
 */
@Component
class Concerns {

    /** Reports and recommendations with the service's reason when it did not give them. */
    record View(List<Map<String, Object>> reports, List<Map<String, Object>> recommendations, String reportsRefused,
                String recommendationsRefused) {

        public long openReports() {
            return reports.stream().filter(r -> Boolean.TRUE.equals(r.get("open"))).count();
        }

        public long openRecommendations() {
            return recommendations.stream().filter(r -> Boolean.TRUE.equals(r.get("open"))).count();
        }
    }

    private final OfficerRecap recap;

    Concerns(OfficerRecap recap) {
        this.recap = recap;
    }

    /** Everything raised about one TPS (every ballot: a report names the TPS, not a ballot). */
    View ofTps(String tps) {
        return view(recap.get("/api/recap/tps/{t}/reports", tps), recap.get("/api/recap/recommendations?region={r}", tps));
    }

    /** Everything raised in a region (reports open and closed, newest recommendations first). */
    View ofRegion(String region) {
        return view(recap.get("/api/recap/reports?region={r}&status=all&limit=500", region),
                recap.get("/api/recap/recommendations?region={r}", region));
    }

    private static View view(OfficerRecap.Answer reports, OfficerRecap.Answer recommendations) {
        List<Map<String, Object>> reportRows = new ArrayList<>();
        if (reports.ok()) {
            reports.body().forEach(r -> reportRows.add(report(r)));
            reportRows.sort((a, b) -> Boolean.compare((Boolean) b.get("open"), (Boolean) a.get("open")));
        }
        List<Map<String, Object>> recommendationRows = new ArrayList<>();
        if (recommendations.ok()) {
            recommendations.body().forEach(r -> recommendationRows.add(recommendation(r)));
            recommendationRows.sort((a, b) -> Boolean.compare((Boolean) b.get("open"), (Boolean) a.get("open")));
        }
        return new View(reportRows, recommendationRows, reports.ok() ? null : reports.detail(),
                recommendations.ok() ? null : recommendations.detail());
    }

    private static Map<String, Object> report(JsonNode r) {
        Map<String, Object> row = new LinkedHashMap<>();
        boolean open = "open".equals(r.path("status").asString());
        row.put("tps", r.path("tpsCode").asString());
        row.put("reason", r.path("reason").asString());
        row.put("label", r.path("label").asString(r.path("reason").asString()));
        row.put("open", open);
        row.put("count", r.path("count").asInt());
        row.put("reporters", r.path("reporters").asInt());
        row.put("firstAt", RekapLabels.time(text(r, "firstAt")));
        row.put("lastAt", RekapLabels.time(text(r, "lastAt")));
        List<String> samples = new ArrayList<>();
        r.path("samples").forEach(s -> samples.add(sample(s)));
        row.put("samples", samples);
        List<String> closed = new ArrayList<>();
        r.path("closed").forEach(c -> closed.add("Ditutup oleh " + c.path("closedBy").asString("")
                + " (" + c.path("closedRole").asString("") + "), " + RekapLabels.time(text(c, "closedAt"))
                + ": \u201c" + c.path("closeReason").asString("") + "\u201d (" + c.path("count").asInt()
                + " laporan)"));
        row.put("closed", closed);
        return row;
    }

    private static String sample(JsonNode s) {
        StringBuilder text = new StringBuilder("\u201c").append(s.path("text").asString("")).append("\u201d");
        String ballot = s.path("ballotType").asString("");
        String field = s.path("field").asString("");
        if (!ballot.isBlank() || !field.isBlank()) {
            text.append(" (");
            text.append(ballot.isBlank() ? "" : RekapLabels.ballot(ballot));
            text.append(!ballot.isBlank() && !field.isBlank() ? ", " : "");
            text.append(field.isBlank() ? "" : RekapLabels.field(field));
            text.append(")");
        }
        String at = text(s, "at");
        return at == null ? text.toString() : text + ", " + RekapLabels.time(at);
    }

    private static Map<String, Object> recommendation(JsonNode r) {
        Map<String, Object> row = new LinkedHashMap<>();
        boolean open = "open".equals(r.path("status").asString());
        row.put("id", r.path("id").asString());
        row.put("target", r.path("target").asString());
        row.put("tpsTarget", "TPS".equalsIgnoreCase(r.path("targetKind").asString("")));
        String ballot = r.path("ballotType").asString("");
        row.put("ballotType", ballot);
        row.put("ballot", ballot.isBlank() ? "semua surat suara" : RekapLabels.ballot(ballot));
        row.put("kind", r.path("kindLabel").asString(r.path("kind").asString("")));
        row.put("reason", r.path("reason").asString(""));
        row.put("responsible", r.path("responsibleRegion").asString(""));
        row.put("recordedBy", r.path("recordedBy").asString(""));
        row.put("recordedAt", RekapLabels.time(text(r, "recordedAt")));
        row.put("open", open);
        JsonNode answer = r.path("answer");
        row.put("answer", answer.isObject() ? ("accepted".equals(answer.path("decision").asString())
                ? "Ditindaklanjuti" : "Ditolak") + " oleh " + answer.path("by").asString("") + " ("
                + answer.path("role").asString("") + "), " + RekapLabels.time(text(answer, "at")) + ": \u201c"
                + answer.path("reason").asString("") + "\u201d" : null);
        return row;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }
}
