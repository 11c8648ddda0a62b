package id.pemilu.candidates.nomination;

/** KPU's verdict for one candidate: {@code MS} or {@code TMS} (TMS needs a reason). */
public record VerdictInput(String candidateId, String verdict, String reason) {
}
