package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An objection (keberatan) was recorded in a recap session: by a witness (saksi) of a party or candidate, or by
 * Panwaslu/Bawaslu, about one TPS or child region and one field of the form.
 *
 * @param target     TPS code or child region code the objection is about
 * @param field      C.Hasil field key (see C1FieldKeys), or null for the whole record
 * @param filedBy    name of the witness or of the Panwaslu officer
 * @param represents party id, candidate, or {@code panwaslu}
 */
public record ObjectionRecorded(UUID eventId, Instant occurredAt, int version, String regionCode, String ballotType,
                                int sessionVersion, String objectionId, String target, String field,
                                String filedBy, String represents, String claim) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
