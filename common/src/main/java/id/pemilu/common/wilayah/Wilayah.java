package id.pemilu.common.wilayah;

import id.pemilu.common.csv.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All Indonesian regions with Kemendagri codes (38 provinces, 514 kab/kota, 7,285 kecamatan, 83,762 desa/kelurahan),
 * read once from the bundled ODbL data ({@code classpath:wilayah/}, see ATTRIBUTION.md there).
 */
public final class Wilayah {

    private static volatile Wilayah instance;

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;

    private Wilayah(Map<String, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Region>> kids = new HashMap<>();
        for (Region region : byCode.values()) {
            String parent = region.parentCode() == null ? "" : region.parentCode();
            kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(region);
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = kids;
    }

    /** The bundled national data set (loaded on first use, then shared). */
    public static Wilayah indonesia() {
        Wilayah result = instance;
        if (result == null) {
            synchronized (Wilayah.class) {
                if (instance == null) {
                    instance = load();
                }
                result = instance;
            }
        }
        return result;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Kode wilayah tidak ditemukan: " + code));
    }

    /** Direct children; {@code null} or blank gives the provinces. */
    public List<Region> childrenOf(String code) {
        return children.getOrDefault(code == null ? "" : code, List.of());
    }

    public List<Region> all(RegionLevel level) {
        return byCode.values().stream().filter(r -> r.level() == level).toList();
    }

    public int size() {
        return byCode.size();
    }

    /** The chain from the province down to {@code code} itself. */
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        Region current = get(code);
        while (current != null) {
            path.add(0, current);
            current = current.parentCode() == null ? null : byCode.get(current.parentCode());
        }
        return path;
    }

    private static Wilayah load() {
        Map<String, Region> regions = new LinkedHashMap<>(100_000);
        read("provinces.csv", RegionLevel.PROVINSI, regions);
        read("regencies.csv", RegionLevel.KABKOTA, regions);
        read("districts.csv", RegionLevel.KECAMATAN, regions);
        read("villages.csv", RegionLevel.DESA, regions);
        return new Wilayah(regions);
    }

    private static void read(String file, RegionLevel level, Map<String, Region> into) {
        try (InputStream in = Wilayah.class.getResourceAsStream("/wilayah/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Region data missing from classpath: wilayah/" + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = splitCsv(line);
                String code = cols[0];
                if (level == RegionLevel.PROVINSI) {
                    into.put(code, new Region(code, cols[1], level, null));
                } else {
                    into.put(code, new Region(code, cols[2], level, cols[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] splitCsv(String line) {
        return CsvLine.split(line, ',').toArray(String[]::new);
    }
}
