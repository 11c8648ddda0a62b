package id.pemilu.recap.holdback;

import java.util.List;

/**
 * Can the outstanding TPS still change a contest's outcome? {@code reasons} says how (Bahasa Indonesia), e.g. which
 * pair could still overtake the leader or which party could still take a seat.
 */
public record Verdict(boolean canChange, List<String> reasons) {

    public static final String OPEN = "hasil belum dapat dipastikan";
    public static final String SETTLED = "TPS yang tersisa tidak dapat mengubah hasil";

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    static Verdict of(List<String> reasons) {
        return new Verdict(!reasons.isEmpty(), reasons);
    }

    public String message() {
        return canChange ? OPEN : SETTLED;
    }
}
