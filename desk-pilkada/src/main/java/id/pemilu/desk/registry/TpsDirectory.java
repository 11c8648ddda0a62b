package id.pemilu.desk.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The TPS the desk follows, with their DPT, held in memory (a copy of recap-service's registry for the desk's
 * region, stored in the desk's own {@code tps} collection). Codes sort so that every region is one key range.
 */
public class TpsDirectory {

    public static final String NATIONAL = "ID";
    private static final Pattern TPS = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3}");
    private static final Pattern REGION = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4}(\\.\\d{3})?)?)?)?");

    private final NavigableMap<String, Integer> dptByTps = new ConcurrentSkipListMap<>();
    private volatile boolean loaded;

    public static String checkTps(String code) {
        if (code == null || !TPS.matcher(code).matches() || code.endsWith(".000")) {
            throw new IllegalArgumentException("Kode TPS tidak sah: " + code
                    + " (format: kode desa + nomor TPS tiga digit, mis. 31.71.01.1001.001)");
        }
        return code;
    }

    public static String checkRegion(String code) {
        if (code == null || !(NATIONAL.equals(code) || REGION.matcher(code).matches())) {
            throw new IllegalArgumentException("Kode wilayah tidak sah: " + code
                    + " (mis. 31, 31.71, 31.71.01, 31.71.01.1001, atau satu TPS 31.71.01.1001.001)");
        }
        return code;
    }

    public static String desaOf(String tpsCode) {
        return tpsCode.substring(0, 13);
    }

    /** Codes of the regions a TPS belongs to, from the desa up to the province. */
    public static List<String> chainOf(String tpsCode) {
        return List.of(tpsCode.substring(0, 13), tpsCode.substring(0, 8), tpsCode.substring(0, 5),
                tpsCode.substring(0, 2));
    }

    /** True if the TPS lies in the region (or the region is {@link #NATIONAL}). */
    public static boolean inRegion(String tpsCode, String regionCode) {
        return NATIONAL.equals(regionCode) || tpsCode.startsWith(regionCode + ".");
    }

    void putAll(Map<String, Integer> stations) {
        dptByTps.putAll(stations);
    }

    void markLoaded() {
        loaded = true;
    }

    public boolean loaded() {
        return loaded;
    }

    public Optional<Integer> dpt(String tpsCode) {
        return Optional.ofNullable(dptByTps.get(tpsCode));
    }

    public boolean contains(String tpsCode) {
        return dptByTps.containsKey(tpsCode);
    }

    /** Every TPS of a region, in code order. */
    public Collection<String> tpsUnder(String regionCode) {
        if (NATIONAL.equals(regionCode)) {
            return dptByTps.keySet();
        }
        if (regionCode.length() == 17) {
            return dptByTps.containsKey(regionCode) ? List.of(regionCode) : List.of();
        }
        return dptByTps.subMap(regionCode + ".", true, regionCode + ".\uffff", true).keySet();
    }

    public int count(String regionCode) {
        return tpsUnder(regionCode).size();
    }

    /** Codes one tier below a region that have TPS (provinces under ID, ..., TPS under a desa), in code order. */
    public List<String> childrenOf(String regionCode) {
        int length = switch (NATIONAL.equals(regionCode) ? 0 : regionCode.length()) {
            case 0 -> 2;
            case 2 -> 5;
            case 5 -> 8;
            case 8 -> 13;
            case 13 -> 17;
            default -> throw new IllegalArgumentException("Wilayah " + regionCode + " tidak punya wilayah di bawahnya");
        };
        TreeSet<String> children = new TreeSet<>();
        for (String tps : tpsUnder(regionCode)) {
            children.add(tps.substring(0, length));
        }
        return List.copyOf(children);
    }

    public int size() {
        return dptByTps.size();
    }
}
