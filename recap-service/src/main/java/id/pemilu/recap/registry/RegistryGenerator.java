package id.pemilu.recap.registry;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic TPS registry over the real desa/kelurahan: the same input always gives the same TPS and DPT. Over
 * all 83,762 desa it makes about 823,000 TPS (5 to 15 per desa, 9.8 on average) with 200 to 290 voters each.
 * For demos and benchmarks; real registries are imported from CSV.
 */
public final class RegistryGenerator {

    private RegistryGenerator() {
    }

    /** Every desa under {@code regionCode} ({@code ID} for the whole country). */
    public static List<Region> desaUnder(String regionCode) {
        Wilayah wilayah = Wilayah.indonesia();
        if ("ID".equals(regionCode)) {
            return wilayah.all(RegionLevel.DESA);
        }
        Region root = wilayah.get(regionCode);
        List<Region> out = new ArrayList<>();
        collect(wilayah, root, out);
        return out;
    }

    private static void collect(Wilayah wilayah, Region region, List<Region> out) {
        if (region.level() == RegionLevel.DESA) {
            out.add(region);
            return;
        }
        for (Region child : wilayah.childrenOf(region.code())) {
            collect(wilayah, child, out);
        }
    }

    public static void generate(String regionCode, Consumer<Station> sink) {
        for (Region desa : desaUnder(regionCode)) {
            long h = mix(desa.code().hashCode());
            int count = 5 + (int) Math.floorMod(h, 10) + (Math.floorMod(h >>> 20, 100) < 33 ? 1 : 0);
            for (int n = 1; n <= count; n++) {
                long s = mix(h ^ n * 0x9E3779B97F4A7C15L);
                int men = 100 + (int) Math.floorMod(s, 46);
                int women = 100 + (int) Math.floorMod(s >>> 16, 46);
                sink.accept(new Station(TpsCode.of(desa.code(), n), men, women));
            }
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
