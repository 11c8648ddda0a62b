package id.pemilu.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * candidate-service froze the final candidate list (DCT) of one dapil: the ballot structure recap-service counts.
 *
 * @param body        DPR, DPRD_PROVINSI or DPRD_KABKOTA
 * @param dctVersion  increases each time KPU re-issues the DCT of this dapil
 * @param regionCodes wilayah codes the dapil covers
 */
public record DctFinalized(UUID eventId, Instant occurredAt, int version,
                           String body, String dapilCode, String dapilName, int seats, int dctVersion,
                           List<String> regionCodes, List<BallotParty> parties) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;

    public record BallotParty(String partyId, int ballotNumber, String partyName, List<BallotCandidate> candidates) {
    }

    public record BallotCandidate(int number, String name, String gender) {
    }
}
