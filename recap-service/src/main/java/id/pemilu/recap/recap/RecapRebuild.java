package id.pemilu.recap.recap;

import id.pemilu.common.wilayah.RegionCode;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every region total from scratch out of the TPS results, compares it with the stored (incrementally
 * maintained) totals and reports each difference; with {@code fix} it also replaces the stored totals.
 */
@Service
public class RecapRebuild {

    private final MongoTemplate mongo;
    private final RecapApplier applier;

    RecapRebuild(MongoTemplate mongo, RecapApplier applier) {
        this.mongo = mongo;
        this.applier = applier;
    }

    public record Difference(String id, String detail) {
    }

    public record Report(long results, int regionsChecked, List<Difference> differences, boolean fixed) {
    }

    public Report rebuild(boolean fix) {
        synchronized (applier) {
            return rebuildLocked(fix);
        }
    }

    private Report rebuildLocked(boolean fix) {
        Map<String, Tally> tallies = new HashMap<>();
        Map<String, List<Entry>> entries = new HashMap<>();
        long[] count = {0};
        // batch by batch: without a batch size the embedded store collects every result (each with its history) in
        // memory before the first answer, which ran an 84,000-TPS rebuild out of the suite's heap and closed the store
        Query all = new Query().cursorBatchSize(RecapApplier.STREAM_BATCH);
        all.fields().include("tpsCode").include("desaCode").include("ballotType").include("status")
                .include("resultVersion").include("values");
        try (var stream = mongo.stream(all, Document.class, "tps_results")) {
            stream.forEach(d -> {
                count[0]++;
                String ballotType = d.getString("ballotType");
                String desa = d.getString("desaCode");
                ResultStatus status = ResultStatus.valueOf(d.getString("status"));
                List<FieldValue> values = d.getList("values", Document.class, List.of()).stream()
                        .map(v -> new FieldValue(v.getString("key"), v.getInteger("value"))).toList();
                String id = RegionTotal.idOf(ballotType, desa);
                tallies.computeIfAbsent(id, k -> new Tally()).addResult(status, values);
                if (fix) {
                    entries.computeIfAbsent(id, k -> new ArrayList<>()).add(Entry.of(d.getString("tpsCode"),
                            ((Number) d.get("resultVersion")).longValue(), status, values));
                }
            });
        }
        Map<String, Tally> desaTallies = new HashMap<>(tallies);
        for (Map.Entry<String, Tally> desa : desaTallies.entrySet()) {
            int bar = desa.getKey().indexOf('|');
            String ballotType = desa.getKey().substring(0, bar);
            String code = desa.getKey().substring(bar + 1);
            while (!code.equals(TpsRegistry.NATIONAL)) {
                code = RegionCode.parentOf(code);
                tallies.computeIfAbsent(RegionTotal.idOf(ballotType, code), k -> new Tally()).merge(desa.getValue());
            }
        }
        List<Difference> differences = new ArrayList<>();
        // only the ids are kept: a desa total's entries hold every one of its TPS' numbers
        Set<String> stored = new HashSet<>();
        Query sums = new Query().cursorBatchSize(RecapApplier.STREAM_BATCH);
        sums.fields().exclude("entries").exclude("outbox");
        try (var stream = mongo.stream(sums, RegionTotal.class)) {
            stream.forEach(t -> {
                stored.add(t.getId());
                Tally expected = tallies.getOrDefault(t.getId(), new Tally());
                String diff = t.differenceFrom(expected);
                if (diff != null) {
                    differences.add(new Difference(t.getId(), diff));
                }
            });
        }
        tallies.forEach((id, tally) -> {
            if (!stored.contains(id) && tally.countedTps + tally.flaggedTps > 0) {
                differences.add(new Difference(id, "total wilayah belum ada"));
            }
        });
        if (fix) {
            tallies.forEach((id, tally) -> {
                int bar = id.indexOf('|');
                RegionTotal found = mongo.findById(id, RegionTotal.class);
                RegionTotal total = found != null ? found : RegionTotal.empty(id.substring(0, bar),
                        id.substring(bar + 1));
                if (entries.containsKey(id)) {
                    total.replaceEntries(entries.get(id));
                }
                total.take(tally, false);
                total.nextRevision(); // appliers that read the total before this write must read it again
                mongo.save(total);
            });
        }
        return new Report(count[0], stored.size(), differences, fix);
    }
}
