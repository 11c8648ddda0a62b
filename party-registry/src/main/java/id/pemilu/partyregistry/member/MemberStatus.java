package id.pemilu.partyregistry.member;

/** Where a membership stands in verification. */
public enum MemberStatus {
    /** Imported, not yet verified. */
    PENDING,
    /** Memenuhi syarat: KPU kab/kota verified the member. */
    MS,
    /** Tidak memenuhi syarat: KPU kab/kota refused the member (with a reason). */
    TMS,
    /** A citizen said they never joined; not counted until KPU decides. */
    DISPUTED,
    /** Replaced by the party during the repair window. */
    REPLACED,
    /** Removed for good (e.g. KPU upheld a citizen's complaint). Final. */
    REMOVED;

    public boolean counts() {
        return this == PENDING || this == MS;
    }

    public boolean isFinal() {
        return this == REMOVED || this == REPLACED;
    }
}
