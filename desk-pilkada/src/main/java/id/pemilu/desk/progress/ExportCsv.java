package id.pemilu.desk.progress;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The desk's report up the tiers as CSV: one row per child region (per TPS for a desa) with progress and the
 * quick totals (flagged reports are not in them). A TPS row carries that TPS's own numbers, flagged or not.
 */
final class ExportCsv {

    private ExportCsv() {
    }

    static String write(ProgressService.View view) {
        Set<String> keys = new LinkedHashSet<>();
        view.tally().totals().forEach(t -> keys.add(t.key()));
        view.rows().forEach(r -> r.tally().totals().forEach(t -> keys.add(t.key())));
        StringBuilder out = new StringBuilder("code,name,level,tps_total,tps_reported,tps_counted,tps_flagged,"
                + "tps_not_reported,last_report_at,status,reported_by,corrections");
        keys.forEach(k -> out.append(',').append(k));
        out.append('\n');
        for (ProgressService.Row row : view.rows()) {
            Tally t = row.tally();
            ProgressService.TpsReport tps = row.tps();
            out.append(row.region().code()).append(',').append(quote(row.region().name())).append(',')
                    .append(row.region().level()).append(',').append(t.tpsTotal()).append(',').append(t.reported())
                    .append(',').append(t.counted()).append(',').append(t.flagged()).append(',')
                    .append(t.notReported()).append(',').append(t.lastReportAt() == null ? "" : t.lastReportAt())
                    .append(',').append(tps == null ? "" : tps.status()).append(',')
                    .append(tps == null || tps.reportedBy() == null ? "" : quote(tps.reportedBy())).append(',')
                    .append(tps == null ? "" : tps.corrections());
            Map<String, Long> values = new LinkedHashMap<>();
            if (tps != null && tps.numbers() != null) {
                tps.numbers().byKey().forEach((k, v) -> values.put(k, v == null ? null : v.longValue()));
            } else {
                t.totals().forEach(total -> values.put(total.key(), total.value()));
            }
            for (String k : keys) {
                Long v = values.get(k);
                out.append(',').append(v == null ? "" : v);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Quotes a text cell; a leading = + - @ is defused so spreadsheets never run it as a formula. */
    static String quote(String text) {
        String safe = text == null ? "" : text;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
