package id.pemilu.common.csv;

/**
 * One cell of a CSV file the suite writes for people to open in a spreadsheet: always quoted, and text that a
 * spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return first) is
 * prefixed with an apostrophe, so {@code =HYPERLINK(…)} or {@code +cmd|…} from an uploaded file stays text.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String of(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
