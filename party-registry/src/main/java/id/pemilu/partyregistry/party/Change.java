package id.pemilu.partyregistry.party;

import java.time.Instant;

/** One entry of a record's history: who changed what, when and why. */
public record Change(Instant at, String by, String what, String why) {

    public static Change now(String by, String what, String why) {
        return new Change(Instant.now(), by, what, why);
    }
}
