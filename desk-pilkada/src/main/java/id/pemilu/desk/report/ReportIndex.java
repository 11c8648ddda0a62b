package id.pemilu.desk.report;

import id.pemilu.desk.registry.TpsDirectory;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every quick report in memory, per contest and in TPS-code order, so progress and totals of any region are one
 * range scan (a province's desk follows tens of thousands of TPS at most). Filled from the store at startup and
 * updated after each stored write; a newer version never gives way to an older one.
 */
public class ReportIndex {

    private final Map<Contest, NavigableMap<String, IndexedReport>> byContest = new EnumMap<>(Contest.class);

    ReportIndex() {
        for (Contest c : Contest.values()) {
            byContest.put(c, new ConcurrentSkipListMap<>());
        }
    }

    void load(MongoTemplate mongo) {
        mongo.findAll(QuickReport.class).forEach(this::put);
    }

    void put(QuickReport report) {
        IndexedReport entry = IndexedReport.of(report);
        byContest.get(entry.contest()).merge(entry.tpsCode(), entry,
                (old, now) -> now.version() >= old.version() ? now : old);
    }

    public Optional<IndexedReport> find(String tpsCode, Contest contest) {
        return Optional.ofNullable(byContest.get(contest).get(tpsCode));
    }

    /** Reports of TPS in a region, in code order. */
    public Collection<IndexedReport> under(String regionCode, Contest contest) {
        NavigableMap<String, IndexedReport> all = byContest.get(contest);
        if (TpsDirectory.NATIONAL.equals(regionCode)) {
            return all.values();
        }
        if (regionCode.length() == 17) {
            IndexedReport one = all.get(regionCode);
            return one == null ? java.util.List.of() : java.util.List.of(one);
        }
        return all.subMap(regionCode + ".", true, regionCode + ".\uffff", true).values();
    }
}
