package id.pemilu.partyregistry.member;

/** Why a member needs a closer look. Every flag except DUPLICATE keeps the member out of the count until KPU says MS. */
public enum Flag {
    /** NIK is not 16 digits, its region code is not a real kecamatan, or its birth date is not a date. */
    INVALID_NIK("NIK tidak sah"),
    /** Birth date or gender in the list does not match the NIK. */
    DATA_MISMATCH("data tidak cocok dengan NIK"),
    /** Younger than 17. */
    UNDERAGE("belum berusia 17 tahun"),
    /** The same NIK appears more than once in this party's lists (counted once). */
    DUPLICATE("ganda identik dalam partai yang sama"),
    /** The same NIK is also a member of another party (both entries are flagged). */
    OTHER_PARTY("juga anggota partai lain"),
    /** The NIK is on a staff list of KPU, Bawaslu or another agency (election official or civil servant). */
    OFFICIAL("penyelenggara pemilu / ASN");

    private final String label;

    Flag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean blocksCount() {
        return this != DUPLICATE;
    }
}
