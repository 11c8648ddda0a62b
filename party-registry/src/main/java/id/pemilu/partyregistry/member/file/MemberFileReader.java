package id.pemilu.partyregistry.member.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Streams the rows of a member list one at a time, whatever its size. */
public interface MemberFileReader extends AutoCloseable {

    /** The next data row, or null at the end. Throws {@link MalformedFileException} on unreadable content. */
    RawRow next() throws IOException;

    @Override
    void close() throws IOException;

    /** Opens a CSV (UTF-8, comma or semicolon) or XLSX file; the format comes from the name or the first bytes. */
    static MemberFileReader open(Path file, String fileName) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || XlsxMemberReader.looksLikeZip(file)) {
            return new XlsxMemberReader(file);
        }
        if (name.endsWith(".xls")) {
            throw new MalformedFileException("Format .xls lama tidak didukung; simpan sebagai .xlsx atau .csv.");
        }
        return new CsvMemberReader(file);
    }
}
