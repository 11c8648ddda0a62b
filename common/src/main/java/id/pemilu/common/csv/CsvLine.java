package id.pemilu.common.csv;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting: "a, b" is one cell, "" inside quotes is one quote). */
public final class CsvLine {

    private CsvLine() {
    }

    public static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>(8);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
