package id.pemilu.recap.session;

import id.pemilu.recap.result.FieldValue;
import java.util.List;

/** Request bodies of the session API. */
public final class Commands {

    private Commands() {
    }

    /** A TPS without a counted result: the decision taken (e.g. {@code PSU}) and why. */
    public record Decide(String tpsCode, String decision, String reason) {
    }

    public record Verify(String reason) {
    }

    /**
     * A correction of a TPS result (kecamatan session, {@code target} = TPS code) or of a child region's figure
     * (higher tiers, {@code target} = child region code); {@code values} are the new numbers.
     */
    public record Correct(String target, List<FieldValue> values, String reason) {
    }

    /**
     * An objection. {@code represents}: the party or candidate the witness stands for, or {@code panwaslu}. A saksi's
     * own token fixes the party; {@code filedBy} defaults to the caller.
     */
    public record FileObjection(String filedBy, String represents, String target, String field, String claim) {
    }

    /** {@code accepted} with the corrected {@code values}, or {@code rejected} with the {@code reason}. */
    public record Answer(String decision, String reason, List<FieldValue> values) {
    }

    public record Event(String target, String description) {
    }

    public record Reopen(String reason) {
    }
}
