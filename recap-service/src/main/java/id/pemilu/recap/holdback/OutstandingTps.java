package id.pemilu.recap.holdback;

import id.pemilu.recap.RecapProperties;
import id.pemilu.recap.recap.Entry;
import id.pemilu.recap.recap.RecapQueries;
import id.pemilu.recap.recap.RegionTotal;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The TPS of a contest whose result is not counted (not reported, or flagged, which includes disputed) and the most
 * valid votes each can still add: the voters it can have, DPT + DPTb + DPK. The registry holds the DPT; DPTb and
 * DPK vote with the 2 % reserve ballots, and a counted result never has more votes than ballots received (DPT + 2 %
 * rounded up, within the reserve tolerance) nor more than the TPS maximum (300; Pilkada 600). So the bound is
 * {@code min(max voters, DPT + ceil(2 % DPT) + tolerance)}.
 */
@Component
public class OutstandingTps {

    static final int TOP = 10;

    private final TpsRegistry registry;
    private final RecapQueries totals;
    private final RecapProperties properties;

    OutstandingTps(TpsRegistry registry, RecapQueries totals, RecapProperties properties) {
        this.registry = registry;
        this.totals = totals;
        this.properties = properties;
    }

    /** @param status {@code belum_masuk} (not reported) or {@code flagged} (flagged or disputed) */
    public record Tps(String tpsCode, String status, int maxVotes) {
    }

    /** The outstanding TPS of some regions: how many, their bound in votes, and the largest ones. */
    public record Outstanding(int tps, long votes, List<Tps> mattersMost) {

        static final Outstanding NONE = new Outstanding(0, 0, List.of());

        Outstanding plus(Outstanding other) {
            List<Tps> all = new ArrayList<>(mattersMost);
            all.addAll(other.mattersMost);
            all.sort(LARGEST_FIRST);
            return new Outstanding(tps + other.tps, votes + other.votes, all.subList(0, Math.min(TOP, all.size())));
        }
    }

    static final Comparator<Tps> LARGEST_FIRST = Comparator.comparingInt(Tps::maxVotes).reversed()
            .thenComparing(Tps::tpsCode);

    public Outstanding of(BallotType type, Collection<String> regionCodes) {
        Set<String> desa = new LinkedHashSet<>();
        for (String r : regionCodes) {
            desa.addAll(registry.desaUnder(r));
        }
        int maxVoters = type.isPilkada()
                ? properties.pilkadaMaxVoters() : properties.maxVoters();
        PriorityQueue<Tps> top = new PriorityQueue<>(LARGEST_FIRST.reversed());
        int count = 0;
        long votes = 0;
        List<String> codes = new ArrayList<>(desa);
        for (int from = 0; from < codes.size(); from += 200) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 200));
            Map<String, RegionTotal> byCode = new HashMap<>();
            totals.findAll(type.name(), chunk).forEach(t -> byCode.put(t.getRegionCode(), t));
            for (String d : chunk) {
                Map<String, Entry> entries = new HashMap<>();
                RegionTotal total = byCode.get(d);
                if (total != null) {
                    total.getEntries().forEach(e -> entries.put(e.tpsCode(), e));
                }
                for (Station s : registry.stationsOf(d)) {
                    Entry e = entries.get(s.code().value());
                    if (e != null && e.status().counted()) {
                        continue;
                    }
                    int bound = bound(s.dpt(), maxVoters);
                    count++;
                    votes += bound;
                    top.add(new Tps(s.code().value(), e == null ? "belum_masuk" : e.status().wire(), bound));
                    if (top.size() > TOP) {
                        top.poll();
                    }
                }
            }
        }
        List<Tps> largest = new ArrayList<>(top);
        largest.sort(LARGEST_FIRST);
        return new Outstanding(count, votes, largest);
    }

    int bound(int dpt, int maxVoters) {
        int ballots = dpt + (dpt * properties.reservePercent() + 99) / 100 + properties.reserveTolerance();
        return Math.min(maxVoters, ballots);
    }
}
