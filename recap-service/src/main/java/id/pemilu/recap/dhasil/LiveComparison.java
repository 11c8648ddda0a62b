package id.pemilu.recap.dhasil;

import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.result.TpsResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Live versus legal: compares a D.Hasil with what its sources say now. For a kecamatan the sources are the TPS
 * results (a result changed after finalization shows up here); for a higher tier they are the children's latest
 * D.Hasil (a child reopened and finalized again shows up here). The difference stays visible until the session is
 * reopened and finalized again.
 */
@Component
public class LiveComparison {

    public static final String SAME = "sama dengan D.Hasil";
    public static final String DIFFERENT = "berbeda dari D.Hasil";

    private final ResultService results;
    private final DHasilService dhasil;

    LiveComparison(ResultService results, DHasilService dhasil) {
        this.results = results;
        this.dhasil = dhasil;
    }

    public Comparison compare(DHasil d) {
        List<Difference> out = new ArrayList<>();
        if ("KECAMATAN".equals(d.getTier())) {
            BallotType type = BallotType.parse(d.getBallotType());
            List<String> ids = d.getRows().stream().map(r -> TpsResult.idOf(new TpsCode(r.code()), type)).toList();
            Map<String, TpsResult> live = new HashMap<>();
            results.findAll(ids).forEach(r -> live.put(r.getTpsCode(), r));
            for (DHasil.Row row : d.getRows()) {
                TpsResult r = live.get(row.code());
                if (row.decision() != null) {
                    if (r != null && r.getStatus().counted() && r.getResultVersion() != row.sourceVersion()) {
                        out.add(new Difference(row.code(), row.sourceVersion(), r.getResultVersion(), null, null, null,
                                "D.Hasil mencatat keputusan " + row.decision() + "; kini ada hasil " + r.getStatus()
                                .wire() + " versi " + r.getResultVersion()));
                    }
                    continue;
                }
                if (r == null || r.getResultVersion() == row.sourceVersion()) {
                    continue;
                }
                Map<String, Integer> now = r.valueMap();
                long[] used = row.numbers();
                boolean any = false;
                for (int i = 0; i < used.length; i++) {
                    Integer v = now.get(d.getKeys().get(i));
                    long liveValue = v == null ? 0 : v;
                    if (!r.getStatus().counted() || liveValue != used[i]) {
                        if (r.getStatus().counted()) {
                            out.add(new Difference(row.code(), row.sourceVersion(), r.getResultVersion(),
                                    d.getKeys().get(i), used[i], liveValue, "hasil TPS berubah setelah D.Hasil"));
                            any = true;
                        }
                    }
                }
                if (!r.getStatus().counted()) {
                    out.add(new Difference(row.code(), row.sourceVersion(), r.getResultVersion(), null, null, null,
                            "hasil TPS kini " + r.getStatus().wire() + " (tidak dihitung)"));
                } else if (!any) {
                    out.add(new Difference(row.code(), row.sourceVersion(), r.getResultVersion(), null, null, null,
                            "versi hasil TPS berubah (angka sama, status " + r.getStatus().wire() + ")"));
                }
            }
        } else {
            for (DHasil.Row row : d.getRows()) {
                int latest = dhasil.latestVersion(d.getBallotType(), row.code());
                if (latest == row.sourceVersion()) {
                    continue;
                }
                DHasil child = dhasil.find(d.getBallotType(), row.code(), latest).orElse(null);
                if (child == null) {
                    continue;
                }
                long[] used = row.numbers();
                long[] now = child.totalNumbers();
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < child.getKeys().size(); i++) {
                    index.put(child.getKeys().get(i), i);
                }
                boolean any = false;
                for (int i = 0; i < used.length; i++) {
                    Integer at = index.get(d.getKeys().get(i));
                    long liveValue = at == null ? 0 : now[at];
                    if (liveValue != used[i]) {
                        out.add(new Difference(row.code(), row.sourceVersion(), latest, d.getKeys().get(i), used[i],
                                liveValue, "D.Hasil wilayah di bawahnya ditetapkan ulang"));
                        any = true;
                    }
                }
                if (!any) {
                    out.add(new Difference(row.code(), row.sourceVersion(), latest, null, null, null,
                            "D.Hasil wilayah di bawahnya ditetapkan ulang (angka sama)"));
                }
            }
        }
        boolean differs = out.stream().anyMatch(x -> x.key() != null || x.note().startsWith("D.Hasil mencatat")
                || x.note().startsWith("hasil TPS kini"));
        return new Comparison(differs ? DIFFERENT : SAME, differs, out);
    }

    /** {@code status} is "sama dengan D.Hasil" or "berbeda dari D.Hasil". */
    public record Comparison(String status, boolean differs, List<Difference> differences) {
    }

    /** One difference: the child, the version the D.Hasil used and the live one, the field and both numbers. */
    public record Difference(String target, long dHasilVersion, long liveVersion, String key, Long dHasil, Long live,
                             String note) {
    }
}
