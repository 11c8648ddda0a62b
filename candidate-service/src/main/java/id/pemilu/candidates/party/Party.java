package id.pemilu.candidates.party;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party as candidate-service knows it from party-registry's events.
 *
 * @param eligible        party-registry found that the party meets the requirements (it may nominate)
 * @param eligibilityAsOf when party-registry last evaluated the requirements (older evaluations are ignored)
 * @param ballotNumber    the party's number on the ballot (drawn by KPU), null until set
 */
@Document("parties")
public record Party(@Id String partyId, String name, String abbreviation, boolean eligible, Instant eligibilityAsOf,
                    Integer ballotNumber, Instant registeredAt) {
}
