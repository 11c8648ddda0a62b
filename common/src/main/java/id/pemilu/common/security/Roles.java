package id.pemilu.common.security;

/** Realm roles of the {@code pemilu} Keycloak realm, as Spring Security role names (without the ROLE_ prefix). */
public final class Roles {

    public static final String KPPS = "kpps";
    public static final String PPK = "ppk";
    public static final String KPU_KABKOTA = "kpu-kabkota";
    public static final String KPU_PROVINSI = "kpu-provinsi";
    public static final String KPU_RI = "kpu-ri";
    public static final String BAWASLU = "bawaslu";
    public static final String PARTY_OPERATOR = "party-operator";
    /** A party's witness (saksi) at recap sessions; token claims {@code party_id} and {@code region_code}. */
    public static final String SAKSI = "saksi";
    /** Desk Pilkada reporter (local government, not KPU): sends quick reports of the TPS in its desa/kecamatan. */
    public static final String DESK_PELAPOR = "desk-pelapor";
    /** Desk Pilkada of a kab/kota or province (local government, not KPU): reads its region, manages reporters. */
    public static final String DESK_PILKADA = "desk-pilkada";

    private Roles() {
    }
}
