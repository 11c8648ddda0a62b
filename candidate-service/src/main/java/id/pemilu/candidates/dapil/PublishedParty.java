package id.pemilu.candidates.dapil;

import java.time.Instant;
import java.util.List;

/**
 * One party's list as published (DCS, or a frozen DCT version): only what the public may see.
 *
 * @param changesSinceDcs changes made between DCS and DCT, with the reason given
 */
public record PublishedParty(String partyId, String name, String abbreviation, Integer ballotNumber,
                             List<Candidate> candidates, List<Change> changesSinceDcs) {

    /**
     * @param number        the candidate's number on the ballot (list position)
     * @param formerConvict the candidate is a former convict (disclosure required by law)
     * @param cv            the public CV, null when the candidate did not consent
     */
    public record Candidate(String candidateId, int number, String name, String gender, boolean formerConvict,
                            boolean cvPublished, String cv) {
    }

    public record Change(Instant at, String action, String reason, String summary) {
    }
}
