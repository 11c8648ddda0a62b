package id.pemilu.candidates.dapil;

import id.pemilu.common.csv.CsvLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads dapil definitions from CSV with the header {@code body,areaCode,code,name,seats,regions}; {@code regions} is
 * a list of wilayah codes separated by {@code ;} or spaces. Cells may be double-quoted.
 */
public final class DapilCsv {

    static final String HEADER = "body,areaCode,code,name,seats,regions";

    private DapilCsv() {
    }

    public static List<DapilDefinition> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new IllegalArgumentException("Berkas CSV dapil kosong.");
        }
        String[] lines = csv.strip().split("\\R");
        if (!lines[0].replace(" ", "").replace("\"", "").equalsIgnoreCase(HEADER)) {
            throw new IllegalArgumentException("Baris pertama CSV dapil harus: " + HEADER);
        }
        List<DapilDefinition> result = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            if (cells.size() != 6) {
                throw new IllegalArgumentException("Baris " + (i + 1) + " CSV dapil harus berisi 6 kolom, ada "
                        + cells.size() + ".");
            }
            int seats;
            try {
                seats = Integer.parseInt(cells.get(4).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Baris " + (i + 1) + ": jumlah kursi bukan angka: " + cells.get(4));
            }
            List<String> regions = Arrays.stream(cells.get(5).trim().split("[;\\s]+")).filter(s -> !s.isBlank())
                    .toList();
            result.add(new DapilDefinition(cells.get(2).trim(), cells.get(3), ElectoralBody.parse(cells.get(0)),
                    cells.get(1).trim(), seats, regions));
        }
        return result;
    }

    private static List<String> cells(String line) {
        return CsvLine.split(line, ',');
    }
}
