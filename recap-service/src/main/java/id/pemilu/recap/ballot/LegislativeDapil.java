package id.pemilu.recap.ballot;

import java.util.List;

/**
 * A legislative dapil as the penetapan needs it: seats, region codes, parties in ballot order with their candidates
 * (from the DCT). {@code seats} is 0 when the DCT was stored before seats were kept.
 */
public record LegislativeDapil(String body, String code, String name, int seats, int dctVersion,
                               List<String> regionCodes, List<Party> parties) {

    public record Party(String partyId, int ballotNumber, String name, List<Candidate> candidates) {
    }

    /** @param woman gender P on the DCT */
    public record Candidate(int number, String name, boolean woman) {
    }
}
