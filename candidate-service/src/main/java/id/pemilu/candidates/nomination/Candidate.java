package id.pemilu.candidates.nomination;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A candidate on a list as stored. The NIK is kept only as its keyed hash and last four digits. {@code address} and
 * the documents (health certificate) are for KPU staff only; {@code cv} is public only with {@code cvConsent}.
 */
public record Candidate(String candidateId, String nikHash, String nikMasked, String name, Gender gender,
                        LocalDate birthDate, String address, String education, String occupation,
                        List<String> documents, boolean formerConvict, boolean convictionDisclosed, boolean cvConsent,
                        String cv, Verdict verdict, String verdictReason) {

    public CandidateFacts facts() {
        return new CandidateFacts(nikHash, name, gender, birthDate, education, occupation, Set.copyOf(documents),
                formerConvict, convictionDisclosed);
    }

    /** Same person and same data (so an MS verdict still holds). */
    boolean sameDataAs(Candidate other) {
        return facts().equals(other.facts()) && Objects.equals(address, other.address)
                && cvConsent == other.cvConsent && Objects.equals(cv, other.cv);
    }

    Candidate withVerdict(Verdict newVerdict, String reason) {
        return new Candidate(candidateId, nikHash, nikMasked, name, gender, birthDate, address, education, occupation,
                documents, formerConvict, convictionDisclosed, cvConsent, cv, newVerdict, reason);
    }
}
