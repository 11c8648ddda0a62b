package id.pemilu.candidates.dapil;

import java.time.Instant;
import java.util.List;

/** A frozen DCT as it was finalized, kept in the dapil document (earlier versions stay readable). */
public record DctVersion(int version, Instant finalizedAt, List<PublishedParty> parties) {
}
