package id.pemilu.candidates.publication;

import id.pemilu.candidates.dapil.DapilView;
import java.time.Instant;
import java.util.List;

/**
 * The public DCS or DCT of one dapil. Never carries NIK, address, birth date, documents or health data; the CV only
 * of candidates who agreed to publish it.
 *
 * @param list        "DCS" or "DCT"
 * @param publishedAt when KPU published the DCS (list DCS) or finalized the DCT (list DCT)
 */
public record PublicBallot(DapilView dapil, String list, int dctVersion, Instant publishedAt,
                           List<PublicParty> parties) {

    /** @param changesSinceDcs changes made between DCS and DCT, with the reason given */
    public record PublicParty(String partyId, String name, String abbreviation, Integer ballotNumber,
                              List<PublicCandidate> candidates, List<PublicChange> changesSinceDcs) {
    }

    /**
     * @param number        the candidate's number on the ballot (list position)
     * @param formerConvict the candidate is a former convict (disclosure required by law)
     * @param cv            the public CV, null when the candidate did not consent
     */
    public record PublicCandidate(String candidateId, int number, String name, String gender, boolean formerConvict,
                                  boolean cvPublished, String cv) {
    }

    public record PublicChange(Instant at, String action, String reason, String summary) {
    }
}
