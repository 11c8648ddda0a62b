package id.pemilu.recap.session;

import java.util.Locale;

/**
 * Where a recap session stands: {@code preparing} (only decisions on missing TPS may be recorded), {@code open},
 * {@code in_progress} (after the first action), {@code finalized} (its D.Hasil is signed), {@code reopened} (by the
 * tier above or KPU RI; works like in progress and ends in a new D.Hasil version).
 */
public enum SessionStatus {
    PREPARING, OPEN, IN_PROGRESS, FINALIZED, REOPENED;

    public boolean acceptsActions() {
        return this == OPEN || this == IN_PROGRESS || this == REOPENED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
