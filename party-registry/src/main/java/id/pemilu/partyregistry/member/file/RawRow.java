package id.pemilu.partyregistry.member.file;

/** One data row of a member file, cells in {@link Column} order (null when empty). */
public record RawRow(int rowNumber, String[] cells) {

    public String get(Column column) {
        String value = cells[column.ordinal()];
        return value == null || value.isBlank() ? null : value.strip();
    }
}
