package id.pemilu.candidates.party;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party member KPU verified (MS) in party-registry, known only by the keyed hash of the NIK.
 *
 * @param id      {@code <partyId>:<nikHash>}
 * @param removed    the member was removed for good; a late "verified" event does not bring them back
 * @param verifiedAt latest MS verification
 * @param disputedAt latest citizen dispute ("I never joined"); the member does not count until verified again after it
 */
@Document("party_members")
public record PartyMember(@Id String id, String partyId, String nikHash, boolean verified, boolean removed,
                          Instant verifiedAt, Instant disputedAt, Instant updatedAt) {

    /** Counts as a member: verified, not removed, and not disputed since the last verification. */
    boolean counts() {
        return verified && !removed && (disputedAt == null || (verifiedAt != null && verifiedAt.isAfter(disputedAt)));
    }

    static String idOf(String partyId, String nikHash) {
        return partyId + ":" + nikHash;
    }
}
