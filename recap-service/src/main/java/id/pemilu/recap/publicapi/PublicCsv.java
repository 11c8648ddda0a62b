package id.pemilu.recap.publicapi;

import id.pemilu.recap.recap.Total;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CSV of a region's rows: one column per C.Hasil key present in any row. */
final class PublicCsv {

    private PublicCsv() {
    }

    static String write(List<PublicController.DownloadRow> rows) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> r.values().forEach(t -> keys.add(t.key())));
        List<String> sorted = new ArrayList<>(keys);
        StringBuilder out = new StringBuilder("code,name,level,tps_total,tps_counted,tps_flagged,status");
        sorted.forEach(k -> out.append(',').append(k));
        out.append('\n');
        for (PublicController.DownloadRow row : rows) {
            Map<String, Long> values = new LinkedHashMap<>();
            row.values().forEach((Total t) -> values.put(t.key(), t.value()));
            out.append(row.code()).append(',').append(quote(row.name())).append(',').append(row.level()).append(',')
                    .append(row.tpsTotal()).append(',').append(row.countedTps()).append(',').append(row.flaggedTps())
                    .append(',').append(row.status() == null ? "" : row.status());
            for (String k : sorted) {
                Long v = values.get(k);
                out.append(',').append(v == null ? "" : v);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String quote(String text) {
        String safe = text == null ? "" : text;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
