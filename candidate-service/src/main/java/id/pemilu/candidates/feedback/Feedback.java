package id.pemilu.candidates.feedback;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Public feedback on one DCS candidate. Identical texts about the same candidate are merged into one entry whose
 * {@code reports} counts how many times it was sent; evidence links are collected.
 *
 * @param id {@code <candidateId>:<hash of the normalized text>}
 */
@Document("feedback")
public record Feedback(@Id String id, String candidateId, String candidateName, String dapilCode, String partyId,
                       String text, List<String> evidenceUrls, int reports, Instant firstAt, Instant lastAt,
                       String clarification, String clarifiedBy, Instant clarifiedAt) {
}
