package id.pemilu.partyregistry.member.file;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming reader for the first worksheet of an XLSX file (Office Open XML, ECMA-376): the sheet XML is read with
 * StAX one row at a time, so memory stays flat whatever the number of rows; only the shared-string table is held in
 * memory. Excel date serials in the birth-date column become ISO dates; NIKs typed as numbers are written out in full.
 */
public final class XlsxMemberReader implements MemberFileReader {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final ZipFile zip;
    private final InputStream sheetStream;
    private final XMLStreamReader sheet;
    private final List<String> sharedStrings;
    private final int[] positions;

    public XlsxMemberReader(Path file) throws IOException {
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new MalformedFileException("Berkas bukan XLSX yang sah (arsip rusak).", e);
        }
        try {
            this.sharedStrings = readSharedStrings();
            ZipEntry entry = firstSheet();
            this.sheetStream = zip.getInputStream(entry);
            this.sheet = XML.createXMLStreamReader(sheetStream, "UTF-8");
            List<String> header = null;
            for (Row row = readRow(); row != null; row = readRow()) {
                if (row.cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                    header = row.cells;
                    break;
                }
            }
            if (header == null) {
                throw new MalformedFileException("Lembar kerja kosong: tidak ada baris judul kolom.");
            }
            this.positions = Column.positions(header);
        } catch (XMLStreamException e) {
            zip.close();
            throw new MalformedFileException("Isi XLSX tidak bisa dibaca: " + e.getMessage(), e);
        } catch (RuntimeException | IOException e) {
            zip.close();
            throw e;
        }
    }

    static boolean looksLikeZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private ZipEntry firstSheet() {
        ZipEntry sheet1 = zip.getEntry("xl/worksheets/sheet1.xml");
        if (sheet1 != null) {
            return sheet1;
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml")) {
                return e;
            }
        }
        throw new MalformedFileException("Berkas XLSX tidak berisi lembar kerja.");
    }

    private List<String> readSharedStrings() throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = zip.getEntry("xl/sharedStrings.xml");
        if (entry == null) {
            return strings;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in, "UTF-8");
            StringBuilder current = null;
            boolean inPhonetic = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> current = new StringBuilder();
                        case "rPh" -> inPhonetic = true;
                        case "t" -> {
                            String text = xml.getElementText();
                            if (current != null && !inPhonetic) {
                                current.append(text);
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("si".equals(xml.getLocalName()) && current != null) {
                        strings.add(current.toString());
                        current = null;
                    } else if ("rPh".equals(xml.getLocalName())) {
                        inPhonetic = false;
                    }
                }
            }
            xml.close();
        }
        return strings;
    }

    private record Row(int number, List<String> cells) {
    }

    private Row readRow() throws XMLStreamException {
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                String r = sheet.getAttributeValue(null, "r");
                return readCells(r == null ? -1 : Integer.parseInt(r));
            }
        }
        return null;
    }

    private Row readCells(int number) throws XMLStreamException {
        List<String> cells = new ArrayList<>(8);
        String type = null;
        int column = -1;
        String value = null;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (sheet.getLocalName()) {
                    case "c" -> {
                        type = sheet.getAttributeValue(null, "t");
                        String ref = sheet.getAttributeValue(null, "r");
                        column = ref == null ? cells.size() : columnIndex(ref);
                        value = null;
                    }
                    case "v" -> value = sheet.getElementText();
                    case "t" -> value = (value == null ? "" : value) + sheet.getElementText();
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("c".equals(sheet.getLocalName())) {
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, cellText(type, value));
                } else if ("row".equals(sheet.getLocalName())) {
                    return new Row(number, cells);
                }
            }
        }
        throw new MalformedFileException("Lembar kerja terpotong di tengah baris " + number + ".");
    }

    private String cellText(String type, String value) {
        if (value == null) {
            return null;
        }
        if ("s".equals(type)) {
            int index = Integer.parseInt(value.strip());
            if (index < 0 || index >= sharedStrings.size()) {
                throw new MalformedFileException("Sel merujuk teks bersama yang tidak ada (" + index + ").");
            }
            return sharedStrings.get(index);
        }
        return value;
    }

    private static int columnIndex(String ref) {
        int index = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            index = index * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return index - 1;
    }

    @Override
    public RawRow next() throws IOException {
        try {
            for (Row row = readRow(); row != null; row = readRow()) {
                String[] cells = new String[Column.values().length];
                boolean any = false;
                for (Column c : Column.values()) {
                    int at = positions[c.ordinal()];
                    String v = at < row.cells.size() ? row.cells.get(at) : null;
                    cells[c.ordinal()] = v == null ? null : numericFix(c, v.strip());
                    any |= v != null && !v.isBlank();
                }
                if (any) {
                    return new RawRow(row.number, cells);
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new MalformedFileException("Isi XLSX tidak bisa dibaca: " + e.getMessage(), e);
        }
    }

    /** NIKs typed as numbers come back as e.g. {@code 3.1710150101900001E15}; dates as day serials. */
    private static String numericFix(Column column, String value) {
        try {
            if (column == Column.NIK && (value.contains("E") || value.contains("."))) {
                return new BigDecimal(value).toBigIntegerExact().toString();
            }
            if (column == Column.BIRTH_DATE && value.matches("\\d+(\\.0+)?")) {
                return EXCEL_EPOCH.plusDays((long) Double.parseDouble(value)).toString();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return value;
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing only
        }
        sheetStream.close();
        zip.close();
    }
}
