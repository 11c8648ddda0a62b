package id.pemilu.recap.registry;

import id.pemilu.common.wilayah.RegionCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.NavigableSet;

/**
 * The TPS registry held in memory (stored in the {@code tps} collection): per desa a compact array of its TPS with
 * DPT, and the number of TPS per region at every tier. About 10 MB for the national registry of 823,000 TPS.
 */
public class TpsRegistry {

    /** Region code of the whole country in totals and progress ({@link RegionCode#NATIONAL_CODE}). */
    public static final String NATIONAL = RegionCode.NATIONAL_CODE;

    private final NavigableMap<String, int[]> byDesa = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<String>> children = new ConcurrentHashMap<>();

    /** Adds or replaces TPS (memory only; the caller stores them). */
    public synchronized void put(Collection<Station> stations) {
        Map<String, List<Station>> grouped = new HashMap<>();
        for (Station s : stations) {
            grouped.computeIfAbsent(s.code().desaCode(), k -> new ArrayList<>()).add(s);
        }
        grouped.forEach((desa, list) -> {
            Map<Integer, Integer> packed = new java.util.TreeMap<>();
            int[] existing = byDesa.get(desa);
            if (existing != null) {
                for (int p : existing) {
                    packed.put(p >>> 20, p);
                }
            }
            for (Station s : list) {
                if (s.dptMen() >= 1024 || s.dptWomen() >= 1024) {
                    throw new IllegalArgumentException("DPT per TPS terlalu besar: " + s.code());
                }
                packed.put(s.code().number(), s.code().number() << 20 | s.dptMen() << 10 | s.dptWomen());
            }
            int before = existing == null ? 0 : existing.length;
            if (existing == null) {
                List<String> chain = chain(desa);
                for (int i = 0; i < chain.size() - 1; i++) {
                    children.computeIfAbsent(chain.get(i + 1), k -> new ConcurrentSkipListSet<>()).add(chain.get(i));
                }
            }
            byDesa.put(desa, packed.values().stream().mapToInt(Integer::intValue).toArray());
            int delta = packed.size() - before;
            if (delta != 0) {
                for (String region : chain(desa)) {
                    counts.merge(region, delta, Integer::sum);
                }
            }
        });
    }

    public Optional<Station> find(TpsCode code) {
        int[] stations = byDesa.get(code.desaCode());
        if (stations == null) {
            return Optional.empty();
        }
        for (int p : stations) {
            if (p >>> 20 == code.number()) {
                return Optional.of(new Station(code, p >>> 10 & 1023, p & 1023)); // the code is checked already
            }
        }
        return Optional.empty();
    }

    public List<Station> stationsOf(String desaCode) {
        int[] stations = byDesa.getOrDefault(desaCode, new int[0]);
        return Arrays.stream(stations).mapToObj(p -> unpack(desaCode, p)).toList();
    }

    /** Desa codes with TPS under a region ({@link #NATIONAL} for all), in code order. */
    public Collection<String> desaUnder(String regionCode) {
        if (NATIONAL.equals(regionCode)) {
            return byDesa.keySet();
        }
        return byDesa.subMap(regionCode, true, regionCode + "\uffff", true).keySet();
    }

    /** Child regions (one tier down) that have TPS, in code order. */
    public Collection<String> childrenOf(String regionCode) {
        return children.getOrDefault(regionCode, new ConcurrentSkipListSet<>());
    }

    public int tpsTotal(String regionCode) {
        return counts.getOrDefault(regionCode, 0);
    }

    public int size() {
        return tpsTotal(NATIONAL);
    }

    /** Region codes above and including a desa, from the desa up to {@link #NATIONAL}. */
    public static List<String> chain(String desaCode) {
        return RegionCode.chainOf(desaCode);
    }

    private static Station unpack(String desa, int p) {
        return new Station(TpsCode.of(desa, p >>> 20), p >>> 10 & 1023, p & 1023);
    }
}
