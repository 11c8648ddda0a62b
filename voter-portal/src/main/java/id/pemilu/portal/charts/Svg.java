package id.pemilu.portal.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Small server-rendered SVG charts (no script, no library, a few hundred bytes each): horizontal bars, one stacked bar
 * (progress) and per-region stacked bars (comparison). Widths are percentages, so a chart takes the width of its box
 * on any screen; every chart is an image with a title that reads out its numbers, and the pages show the same numbers
 * in a table beside it.
 */
public final class Svg {

    /** Colours of the participants, in ballot order (each at least 3:1 against white). */
    public static final List<String> PALETTE = List.of("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#b45309",
            "#00838f", "#5d4037", "#ad1457", "#558b2f", "#283593", "#4e342e", "#00695c");
    public static final String COUNTED = "#2e7d32";
    public static final String FLAGGED = "#e65100";
    public static final String NOT_REPORTED = "#bdbdbd";

    private static final int MAX_LABEL = 30;
    private static final Locale ID = Locale.forLanguageTag("id-ID");

    private Svg() {
    }

    /** One bar: its label, its value and its colour. */
    public record Bar(String label, long value, String color) {
    }

    /** One part of a stacked bar. */
    public record Segment(String label, long value, String color) {
    }

    /** One row of a comparison: a region, its stacked parts and a note under it (e.g. how many TPS counted). */
    public record Row(String label, List<Segment> segments, String note) {
    }

    public static String colour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** Horizontal bars, label and "value · share" above each bar; shares of the sum of all bars. */
    public static String bars(String id, String title, List<Bar> bars) {
        long sum = bars.stream().mapToLong(Bar::value).sum();
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int rowHeight = 46;
        StringBuilder svg = open(id, title + ": " + describe(bars.stream()
                .map(b -> new Segment(b.label(), b.value(), b.color())).toList(), sum), bars.size() * rowHeight);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * rowHeight;
            svg.append(text(0, y + 16, "start", "", shorten(bar.label())));
            svg.append(text(-1, y + 16, "end", "", number(bar.value()) + " · " + percent(bar.value(), sum)));
            svg.append(rect("0", y + 23, "100%", 16, "track", null));
            svg.append(rect("0", y + 23, width(bar.value(), max), 16, null, bar.color()));
        }
        return svg.append("</svg>").toString();
    }

    /** One stacked bar of the whole (e.g. TPS counted / flagged / not reported), with a legend under it. */
    public static String stacked(String id, String title, List<Segment> segments) {
        long sum = segments.stream().mapToLong(Segment::value).sum();
        StringBuilder svg = open(id, title + ": " + describe(segments, sum), 24);
        svg.append(rect("0", 0, "100%", 22, "track", null));
        svg.append(segments(segments, sum, 0, 22));
        return svg.append("</svg>").toString();
    }

    /**
     * Per-region comparison: for each region its stacked shares (e.g. votes per participant) and under it a thin
     * bar of its TPS (counted / flagged / not reported) with a note.
     */
    public static String comparison(String id, String title, List<Row> rows, List<List<Segment>> progress) {
        int rowHeight = 64;
        StringBuilder svg = open(id, title, rows.size() * rowHeight);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = i * rowHeight;
            long sum = row.segments().stream().mapToLong(Segment::value).sum();
            svg.append("<g><title>").append(escape(row.label() + ": " + describe(row.segments(), sum) + ". "
                    + row.note())).append("</title>");
            svg.append(text(0, y + 16, "start", "", shorten(row.label())));
            svg.append(rect("0", y + 22, "100%", 14, "track", null));
            if (sum > 0) {
                svg.append(segments(row.segments(), sum, y + 22, 14));
            } else {
                svg.append(text(4, y + 34, "start", "small", "belum ada suara dihitung"));
            }
            List<Segment> tps = i < progress.size() ? progress.get(i) : List.of();
            long tpsSum = tps.stream().mapToLong(Segment::value).sum();
            svg.append(rect("0", y + 39, "100%", 5, "track", null));
            svg.append(segments(tps, tpsSum, y + 39, 5));
            svg.append(text(0, y + 58, "start", "small", row.note()));
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    public static String number(long value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(ID));
        return format.format(value);
    }

    public static String percent(long part, long whole) {
        if (whole <= 0) {
            return "0%";
        }
        DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(ID));
        return format.format(part * 100.0 / whole) + "%";
    }

    private static String segments(List<Segment> segments, long sum, int y, int height) {
        StringBuilder out = new StringBuilder();
        double x = 0;
        for (Segment s : segments) {
            if (s.value() <= 0 || sum <= 0) {
                continue;
            }
            double w = s.value() * 100.0 / sum;
            out.append(rect(pct(x), y, pct(w), height, null, s.color()));
            x += w;
        }
        return out.toString();
    }

    private static String describe(List<Segment> parts, long sum) {
        StringBuilder out = new StringBuilder();
        for (Segment s : parts) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(s.label()).append(' ').append(number(s.value())).append(" (").append(percent(s.value(), sum))
                    .append(')');
        }
        return out.toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        String safeId = id.replaceAll("[^A-Za-z0-9-]", "-");
        return new StringBuilder(256).append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" ")
                .append("height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"").append(safeId)
                .append("-t\"><title id=\"").append(safeId).append("-t\">").append(escape(title)).append("</title>");
    }

    private static String text(int x, int y, String anchor, String cssClass, String content) {
        String xs = x < 0 ? "100%" : String.valueOf(x);
        return "<text x=\"" + xs + "\" y=\"" + y + "\"" + (anchor.equals("start") ? "" : " text-anchor=\"" + anchor
                + "\"") + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + ">" + escape(content) + "</text>";
    }

    private static String rect(String x, int y, String width, int height, String cssClass, String fill) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height + "\""
                + (cssClass == null ? "" : " class=\"" + cssClass + "\"")
                + (fill == null ? "" : " fill=\"" + fill + "\"") + "/>";
    }

    private static String width(long value, long max) {
        return max <= 0 ? "0" : pct(value * 100.0 / max);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f%%", Math.max(0, Math.min(100, value)));
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
