package id.pemilu.candidates.feedback;

import id.pemilu.candidates.dapil.Dapil;
import id.pemilu.candidates.dapil.DapilCatalog;
import id.pemilu.candidates.dapil.DapilStage;
import id.pemilu.candidates.nomination.Candidate;
import id.pemilu.candidates.nomination.CandidateList;
import id.pemilu.candidates.nomination.NominationService;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.web.ProblemAdvice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Citizens comment on DCS candidates; parties answer (clarification); KPU and Bawaslu read everything. */
@Service
class FeedbackService {

    private final FeedbackEntries entries;
    private final NominationService nominations;
    private final DapilCatalog dapils;
    private final FeedbackRateLimiter limiter;
    private final Clock clock;

    FeedbackService(FeedbackEntries entries, NominationService nominations, DapilCatalog dapils,
                    FeedbackRateLimiter limiter, Clock clock) {
        this.entries = entries;
        this.nominations = nominations;
        this.dapils = dapils;
        this.limiter = limiter;
        this.clock = clock;
    }

    record Receipt(String feedbackId, String candidateId, int reports, boolean merged) {
    }

    Receipt give(String candidateId, FeedbackInput input, String client) {
        if (!limiter.tryAcquire(client)) {
            throw new DomainException(DomainException.Kind.LIMIT_REACHED, "Terlalu banyak tanggapan",
                    "Anda sudah mengirim beberapa tanggapan dalam satu menit terakhir. Coba lagi sebentar lagi.",
                    Map.of(ProblemAdvice.RETRY_AFTER, 60));
        }
        CandidateList list = nominations.listWithCandidate(candidateId).filter(CandidateList::isInDcs)
                .orElseThrow(() -> DomainException.notFound("Calon tidak ditemukan di DCS: " + candidateId));
        Dapil dapil = dapils.get(list.getDapilCode());
        if (dapil.getStage() != DapilStage.DCS) {
            throw DomainException.conflict("Masa tanggapan masyarakat untuk dapil " + dapil.getCode()
                    + " tidak dibuka (tahap " + dapil.getStage() + ").");
        }
        Candidate candidate = list.getCandidates().stream().filter(c -> c.candidateId().equals(candidateId))
                .findFirst().orElseThrow();
        String id = candidateId + ":" + sha256(normalize(input.text()));
        Feedback saved = entries.report(id, candidateId, candidate.name(), dapil.getCode(), list.getPartyId(),
                input.text(), input.evidenceUrls(), clock.instant());
        return new Receipt(saved.id(), candidateId, saved.reports(), saved.reports() > 1);
    }

    /** The caller is checked first: another role learns neither the rules of the input nor which dapil exist. */
    List<Feedback> ofDapil(String dapilCode, Caller caller) {
        boolean party = caller.hasRole(Roles.PARTY_OPERATOR) && caller.partyId() != null;
        if (!isStaff(caller) && !party) {
            throw DomainException.notPermitted(
                    "Tanggapan masyarakat hanya dapat dibaca KPU, Bawaslu dan partai pengusul.");
        }
        if (dapilCode == null || dapilCode.isBlank()) {
            throw DomainException.invalid("Kode dapil (dapil) wajib diisi.");
        }
        dapils.get(dapilCode);
        List<Feedback> all = entries.ofDapil(dapilCode);
        return isStaff(caller) ? all : all.stream().filter(f -> caller.partyId().equals(f.partyId())).toList();
    }

    Feedback clarify(String feedbackId, String text, Caller caller) {
        String notPermitted = "Hanya operator partai pengusul yang dapat memberi klarifikasi.";
        if (!caller.hasRole(Roles.PARTY_OPERATOR) || caller.partyId() == null) {
            throw DomainException.notPermitted(notPermitted);
        }
        Feedback feedback = entries.find(feedbackId)
                .orElseThrow(() -> DomainException.notFound("Tanggapan tidak ditemukan: " + feedbackId));
        if (!feedback.partyId().equals(caller.partyId())) {
            throw DomainException.notPermitted(notPermitted);
        }
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw DomainException.invalid("Klarifikasi wajib diisi (paling banyak 2000 karakter).");
        }
        if (dapils.get(feedback.dapilCode()).getStage() == DapilStage.DCT) {
            throw DomainException.conflict("DCT sudah final; masa klarifikasi sudah lewat.");
        }
        entries.clarify(feedbackId, text.trim(), caller.username(), clock.instant());
        return entries.find(feedbackId).orElseThrow();
    }

    long reportsOf(String candidateId) {
        return entries.ofCandidate(candidateId).stream().mapToLong(Feedback::reports).sum();
    }

    private static boolean isStaff(Caller caller) {
        return caller.hasRole(Roles.KPU_RI) || caller.hasRole(Roles.KPU_PROVINSI) || caller.hasRole(Roles.KPU_KABKOTA)
                || caller.hasRole(Roles.BAWASLU);
    }

    /** Case, punctuation and spacing do not make a text different. */
    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
