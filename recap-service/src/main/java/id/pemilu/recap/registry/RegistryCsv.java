package id.pemilu.recap.registry;

import id.pemilu.common.wilayah.Wilayah;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Reads a TPS registry in CSV: header {@code tps_code,dpt_men,dpt_women}, one TPS per line. Every TPS must belong
 * to a known desa/kelurahan. A bad line stops the import with its line number (Bahasa Indonesia message).
 */
public final class RegistryCsv {

    public static final String HEADER = "tps_code,dpt_men,dpt_women";

    private RegistryCsv() {
    }

    public static int read(BufferedReader reader, Consumer<Station> sink) {
        try {
            String header = reader.readLine();
            if (header == null || !header.trim().equalsIgnoreCase(HEADER)) {
                throw new IllegalArgumentException("Baris judul CSV harus: " + HEADER);
            }
            Wilayah wilayah = Wilayah.indonesia();
            int lineNumber = 1;
            int count = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split(",", -1);
                if (cols.length != 3) {
                    throw new IllegalArgumentException("Baris " + lineNumber + ": harus ada 3 kolom");
                }
                try {
                    TpsCode code = new TpsCode(cols[0].trim());
                    if (wilayah.find(code.desaCode()).isEmpty()) {
                        throw new IllegalArgumentException("desa " + code.desaCode() + " tidak dikenal");
                    }
                    sink.accept(new Station(code, Integer.parseInt(cols[1].trim()), Integer.parseInt(cols[2].trim())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Baris " + lineNumber + ": " + e.getMessage());
                }
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
