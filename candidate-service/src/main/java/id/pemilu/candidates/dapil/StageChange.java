package id.pemilu.candidates.dapil;

import java.time.Instant;

/** One step in a dapil's life (defined, DCS published, DCT finalized, DCT reopened), with who and why. */
public record StageChange(Instant at, String by, String action, String reason) {
}
