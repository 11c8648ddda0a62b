package id.pemilu.candidates.nomination;

/**
 * DRAFT (party edits) → SUBMITTED (KPU verifies) → VERIFIED (every candidate MS) or REPAIR (some TMS: the party
 * repairs and submits again).
 */
public enum ListStatus {
    DRAFT, SUBMITTED, REPAIR, VERIFIED
}
