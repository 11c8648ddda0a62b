package id.pemilu.recap.recap;

import id.pemilu.common.wilayah.RegionCode;
import id.pemilu.common.events.RegionTotalsChanged;
import id.pemilu.common.outbox.OutboxAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Totals of one region for one ballot type (id {@code <ballotType>|<regionCode>}, national code {@code ID}). A desa
 * total holds the {@link Entry} (version and numbers) of each of its TPS results and is the sum of them; every
 * higher tier is the sum of its children. So each tier always equals the sum of its counted TPS.
 */
@Document("region_totals")
public class RegionTotal extends OutboxAggregate {

    @Id
    private String id;
    private String ballotType;
    private String regionCode;
    private String level;
    private List<Total> counted = new ArrayList<>();
    private List<Total> flagged = new ArrayList<>();
    private int countedTps;
    private int flaggedTps;
    private int submittedTps;
    private int verifiedTps;
    private int correctedTps;
    private List<Entry> entries = new ArrayList<>();
    private Instant updatedAt;
    /** Raised by every write; writers compare-and-set on it (0: never written with one). */
    private long revision;

    RegionTotal() {
    }

    public static String idOf(String ballotType, String regionCode) {
        return ballotType + "|" + regionCode;
    }

    static RegionTotal empty(String ballotType, String regionCode) {
        RegionTotal total = new RegionTotal();
        total.id = idOf(ballotType, regionCode);
        total.ballotType = ballotType;
        total.regionCode = regionCode;
        total.level = levelOf(regionCode);
        return total;
    }

    static String levelOf(String code) {
        return RegionCode.tierOf(code).name();
    }

    /** Desa only: records this entry unless the same or a newer version is there already. */
    boolean offer(Entry entry) {
        for (int i = 0; i < entries.size(); i++) {
            Entry existing = entries.get(i);
            if (existing.tpsCode().equals(entry.tpsCode())) {
                if (existing.resultVersion() >= entry.resultVersion()) {
                    return false;
                }
                entries.set(i, entry);
                return true;
            }
        }
        entries.add(entry);
        entries.sort(java.util.Comparator.comparing(Entry::tpsCode));
        return true;
    }

    Tally tallyEntries() {
        Tally tally = new Tally();
        entries.forEach(e -> tally.addResult(e.status(), e.values()));
        return tally;
    }

    /** Takes the new sums; returns whether anything changed (and raises RegionTotalsChanged if asked to). */
    boolean take(Tally tally, boolean raiseEvent) {
        List<Total> newCounted = tally.counted();
        List<Total> newFlagged = tally.flagged();
        boolean changed = !newCounted.equals(counted) || !newFlagged.equals(flagged)
                || tally.countedTps != countedTps || tally.flaggedTps != flaggedTps
                || tally.submittedTps != submittedTps || tally.verifiedTps != verifiedTps
                || tally.correctedTps != correctedTps;
        if (!changed) {
            return false;
        }
        counted = newCounted;
        flagged = newFlagged;
        countedTps = tally.countedTps;
        flaggedTps = tally.flaggedTps;
        submittedTps = tally.submittedTps;
        verifiedTps = tally.verifiedTps;
        correctedTps = tally.correctedTps;
        updatedAt = Instant.now();
        if (raiseEvent) {
            raise(new RegionTotalsChanged(UUID.randomUUID(), updatedAt, RegionTotalsChanged.CURRENT_VERSION,
                    regionCode, level, ballotType, countedTps, flaggedTps, counted.stream()
                    .map(t -> new RegionTotalsChanged.Total(t.key(), t.value())).toList()));
        }
        return true;
    }

    /** Null if these stored totals equal {@code tally}, else a short description of the difference. */
    String differenceFrom(Tally tally) {
        List<String> out = new ArrayList<>();
        if (tally.countedTps != countedTps || tally.flaggedTps != flaggedTps) {
            out.add("TPS dihitung/ditandai " + countedTps + "/" + flaggedTps + " seharusnya " + tally.countedTps + "/"
                    + tally.flaggedTps);
        }
        if (!tally.counted().equals(counted)) {
            out.add("jumlah dihitung berbeda");
        }
        if (!tally.flagged().equals(flagged)) {
            out.add("jumlah ditandai berbeda");
        }
        if (tally.submittedTps != submittedTps || tally.verifiedTps != verifiedTps
                || tally.correctedTps != correctedTps) {
            out.add("hitungan status berbeda");
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    void replaceEntries(List<Entry> newEntries) {
        entries = new ArrayList<>(newEntries);
        entries.sort(java.util.Comparator.comparing(Entry::tpsCode));
    }

    public String getId() {
        return id;
    }

    public String getBallotType() {
        return ballotType;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getLevel() {
        return level;
    }

    public List<Total> getCounted() {
        return counted;
    }

    public List<Total> getFlagged() {
        return flagged;
    }

    public int getCountedTps() {
        return countedTps;
    }

    public int getFlaggedTps() {
        return flaggedTps;
    }

    public int getSubmittedTps() {
        return submittedTps;
    }

    public int getVerifiedTps() {
        return verifiedTps;
    }

    public int getCorrectedTps() {
        return correctedTps;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    public long getRevision() {
        return revision;
    }

    void nextRevision() {
        revision++;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
