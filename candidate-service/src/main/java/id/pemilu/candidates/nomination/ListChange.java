package id.pemilu.candidates.nomination;

import id.pemilu.candidates.dapil.DapilStage;
import java.time.Instant;

/** One logged change to a list: who, when, at which stage, why, and what changed. */
public record ListChange(Instant at, String by, DapilStage stage, String action, String reason, String summary) {
}
