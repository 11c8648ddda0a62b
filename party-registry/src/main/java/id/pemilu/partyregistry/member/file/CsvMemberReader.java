package id.pemilu.partyregistry.member.file;

import id.pemilu.common.csv.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Streaming CSV reader: strict UTF-8 (optional BOM), comma or semicolon separated, RFC 4180 quotes. */
public final class CsvMemberReader implements MemberFileReader {

    private final BufferedReader reader;
    private final int[] positions;
    private final char separator;
    private int lineNumber;

    public CsvMemberReader(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
        String header = readLine();
        if (header == null || header.isBlank()) {
            close();
            throw new MalformedFileException("Berkas kosong: tidak ada baris judul kolom.");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        this.separator = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        try {
            this.positions = Column.positions(split(header));
        } catch (MalformedFileException e) {
            close();
            throw e;
        }
    }

    private String readLine() throws IOException {
        try {
            String line = reader.readLine();
            lineNumber++;
            return line;
        } catch (CharacterCodingException e) {
            throw new MalformedFileException("Berkas bukan teks UTF-8 yang sah (sekitar baris " + (lineNumber + 1)
                    + "). Simpan ulang sebagai CSV UTF-8.", e);
        }
    }

    @Override
    public RawRow next() throws IOException {
        String line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        int rowNumber = lineNumber;
        while (unbalancedQuotes(line)) {
            String more = readLine();
            if (more == null) {
                throw new MalformedFileException("Tanda kutip tidak ditutup mulai baris " + rowNumber + ".");
            }
            line = line + "\n" + more;
        }
        List<String> cells = split(line);
        String[] row = new String[Column.values().length];
        for (Column column : Column.values()) {
            int at = positions[column.ordinal()];
            row[column.ordinal()] = at < cells.size() ? cells.get(at) : null;
        }
        return new RawRow(rowNumber, row);
    }

    private static boolean unbalancedQuotes(String line) {
        int quotes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 != 0;
    }

    private List<String> split(String line) {
        return CsvLine.split(line, separator);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
