package id.pemilu.candidates.nomination;

import id.pemilu.candidates.dapil.Dapil;
import id.pemilu.candidates.dapil.DapilAccess;
import id.pemilu.candidates.dapil.DapilCatalog;
import id.pemilu.candidates.dapil.DapilStage;
import id.pemilu.candidates.party.Party;
import id.pemilu.candidates.party.PartyDirectory;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.NikHash;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Party operators build and submit lists; KPU verifies each candidate (MS/TMS). Every change is logged. */
@Service
public class NominationService {

    private final CandidateLists lists;
    private final DapilCatalog dapils;
    private final PartyDirectory parties;
    private final NominationRules rules;
    private final CandidateFactory factory;
    private final Clock clock;

    NominationService(CandidateLists lists, DapilCatalog dapils, PartyDirectory parties, NominationRules rules,
                      Clock clock, @Value("${pemilu.nik.hmac-key}") String nikKey) {
        this.lists = lists;
        this.dapils = dapils;
        this.parties = parties;
        this.rules = rules;
        this.clock = clock;
        this.factory = new CandidateFactory(nik -> NikHash.of(nik, nikKey));
    }

    public CandidateListView view(String dapilCode, String partyId, Caller caller) {
        requireRead(caller, partyId);
        Dapil dapil = dapils.get(dapilCode);
        return viewOf(find(dapilCode, partyId), dapil);
    }

    public List<CandidateListView> ofDapil(String dapilCode, Caller caller) {
        Dapil dapil = dapils.get(dapilCode);
        return lists.ofDapil(dapilCode).stream().filter(list -> canRead(caller, list.getPartyId()))
                .map(list -> viewOf(list, dapil)).toList();
    }

    public CandidateListView save(String dapilCode, String partyId, List<CandidateInput> inputs, String reason,
                                  Caller caller) {
        requireMayEdit(caller, partyId);
        Dapil dapil = dapils.get(dapilCode);
        requireEdit(caller, dapil, partyId);
        if (dapil.getBody().partyLists() && parties.find(partyId).isEmpty()) {
            throw DomainException.notFound("Partai tidak dikenal: " + partyId);
        }
        if (inputs == null) {
            throw DomainException.invalid("Daftar calon (candidates) wajib diisi.");
        }
        Optional<CandidateList> existing = lists.find(dapilCode, partyId);
        DapilStage stage = dapil.getStage();
        if (stage == DapilStage.DCT) {
            throw DomainException.conflict("DCT dapil " + dapilCode + " sudah final (versi " + dapil.getDctVersion()
                    + "); daftar calon tidak bisa diubah.");
        }
        if (stage == DapilStage.DCS) {
            if (existing.isEmpty() || !existing.get().isInDcs()) {
                throw DomainException.conflict(
                        "DCS dapil " + dapilCode + " sudah diumumkan dan daftar ini tidak termasuk "
                        + "di dalamnya; daftar baru tidak bisa diajukan.");
            }
            if (reason == null || reason.isBlank()) {
                throw DomainException.invalid("Perubahan daftar setelah DCS wajib disertai alasan (reason).");
            }
        } else if (existing.isPresent() && (existing.get().getStatus() == ListStatus.SUBMITTED
                || existing.get().getStatus() == ListStatus.VERIFIED)) {
            throw DomainException.conflict("Daftar sudah diajukan ke KPU (status " + existing.get().getStatus()
                    + "); tunggu hasil verifikasi dan masa perbaikan.");
        }
        CandidateList list = existing.orElseGet(() -> new CandidateList(dapilCode, dapil.getBody(), partyId));
        List<Candidate> previous = list.getCandidates();
        List<Candidate> next = factory.build(inputs, previous);
        ListStatus status;
        String action;
        if (stage == DapilStage.DCS) {
            requireOnlyReorderOrReplace(previous, next);
            List<Violation> violations = check(list.getId(), dapil, partyId, next);
            if (!violations.isEmpty()) {
                throw rejected("Perubahan ditolak: daftar setelah perubahan melanggar aturan pencalonan.", violations);
            }
            status = statusAfterDcsChange(next);
            action = "PERUBAHAN_SETELAH_DCS";
        } else {
            status = list.getStatus() == ListStatus.REPAIR ? ListStatus.REPAIR : ListStatus.DRAFT;
            action = existing.isEmpty() ? "DIBUAT" : "DIUBAH";
        }
        list.replaceCandidates(next, status, new ListChange(clock.instant(), caller.username(), stage, action,
                blankToNull(reason), ChangeSummary.between(previous, next)));
        return viewOf(lists.save(list), dapil);
    }

    /**
     * After the DCS a list may be reordered and candidates replaced (one in for one out), not grown: new people
     * only come in as replacements or by moving from another dapil ({@link #move}).
     */
    private static void requireOnlyReorderOrReplace(List<Candidate> previous, List<Candidate> next) {
        Set<String> before = new HashSet<>();
        previous.forEach(c -> before.add(c.nikHash()));
        Set<String> after = new HashSet<>();
        next.forEach(c -> after.add(c.nikHash()));
        long added = after.stream().filter(h -> !before.contains(h)).count();
        long removed = before.stream().filter(h -> !after.contains(h)).count();
        if (added > removed) {
            throw DomainException.conflict(
                    "Setelah DCS, daftar hanya boleh diubah urutannya, calonnya diganti (satu keluar, "
                    + "satu masuk) atau calonnya dipindah dapil; tidak boleh menambah calon baru.");
        }
    }

    /**
     * Moves one candidate to the party's list in another dapil of the same body after the DCS (both lists in the
     * DCS). Both lists must still follow every rule; both changes are logged. The target is written first, so a
     * crash in between leaves the person on two lists (flagged as double candidacy), never on none.
     */
    public CandidateListView move(String dapilCode, String partyId, String candidateId, String toDapilCode,
                                  Integer position, String reason, Caller caller) {
        requireMayEdit(caller, partyId);
        Dapil from = dapils.get(dapilCode);
        Dapil to = dapils.get(toDapilCode == null ? "" : toDapilCode);
        requireEdit(caller, from, partyId);
        requireEdit(caller, to, partyId);
        if (from.getCode().equals(to.getCode()) || from.getBody() != to.getBody()) {
            throw DomainException.invalid("Calon hanya dapat dipindah ke dapil lain dari lembaga yang sama.");
        }
        if (from.getStage() != DapilStage.DCS || to.getStage() != DapilStage.DCS) {
            throw DomainException.conflict("Pindah dapil hanya dilakukan di antara DCS dan DCT (dapil " + from.getCode()
                    + ": " + from.getStage() + ", dapil " + to.getCode() + ": " + to.getStage() + ").");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("Pindah dapil wajib disertai alasan (reason).");
        }
        CandidateList source = find(from.getCode(), partyId);
        CandidateList target = find(to.getCode(), partyId);
        if (!source.isInDcs() || !target.isInDcs()) {
            throw DomainException.conflict("Kedua daftar harus termasuk dalam DCS.");
        }
        Candidate moving = source.getCandidates().stream().filter(c -> c.candidateId().equals(candidateId))
                .findFirst().orElseThrow(() -> DomainException.notFound("Calon " + candidateId + " tidak ada di daftar "
                        + source.getId() + "."));
        List<Candidate> sourceNext = new ArrayList<>(source.getCandidates());
        sourceNext.remove(moving);
        List<Candidate> targetNext = new ArrayList<>(target.getCandidates());
        int at = position == null ? targetNext.size() + 1 : position;
        if (at < 1 || at > targetNext.size() + 1) {
            throw DomainException.invalid("Posisi tujuan harus antara 1 dan " + (targetNext.size() + 1) + ".");
        }
        targetNext.add(at - 1, moving);
        CandidateList sourceAfter = source.withCandidates(sourceNext);
        Map<String, CandidateList> pending = Map.of(source.getId(), sourceAfter);
        List<Violation> violations = new ArrayList<>();
        check(source.getId(), from, partyId, sourceNext).forEach(v -> violations.add(
                new Violation(v.rule(), v.position(), from.getCode() + ": " + v.message())));
        check(target.getId(), to, partyId, targetNext, pending).forEach(v -> violations.add(
                new Violation(v.rule(), v.position(), to.getCode() + ": " + v.message())));
        if (!violations.isEmpty()) {
            throw rejected("Pindah dapil ditolak: daftar setelah perpindahan melanggar aturan pencalonan.", violations);
        }
        String summary = moving.name() + " dari " + from.getCode() + " ke " + to.getCode() + " posisi " + at;
        Instant now = clock.instant();
        target.replaceCandidates(targetNext, statusAfterDcsChange(targetNext), new ListChange(now, caller.username(),
                DapilStage.DCS, "PINDAH_DAPIL_MASUK", reason.trim(), summary));
        lists.save(target);
        source.replaceCandidates(sourceNext, statusAfterDcsChange(sourceNext), new ListChange(now, caller.username(),
                DapilStage.DCS, "PINDAH_DAPIL_KELUAR", reason.trim(), summary));
        lists.save(source);
        return viewOf(target, to);
    }

    private static ListStatus statusAfterDcsChange(List<Candidate> candidates) {
        return candidates.stream().allMatch(c -> c.verdict() == Verdict.MS) ? ListStatus.VERIFIED : ListStatus.SUBMITTED;
    }

    public CandidateListView submit(String dapilCode, String partyId, Caller caller) {
        requireMayEdit(caller, partyId);
        Dapil dapil = dapils.get(dapilCode);
        requireEdit(caller, dapil, partyId);
        CandidateList list = find(dapilCode, partyId);
        if (dapil.getStage() != DapilStage.NOMINATION) {
            throw DomainException.conflict(
                    "Masa pengajuan dapil " + dapilCode + " sudah lewat (tahap " + dapil.getStage()
                    + ").");
        }
        if (list.getStatus() != ListStatus.DRAFT && list.getStatus() != ListStatus.REPAIR) {
            throw DomainException.conflict("Daftar sudah diajukan (status " + list.getStatus() + ").");
        }
        if (list.getCandidates().isEmpty()) {
            throw DomainException.invalid("Daftar calon masih kosong.");
        }
        List<Violation> violations = check(list.getId(), dapil, partyId, list.getCandidates());
        if (!violations.isEmpty()) {
            throw rejected("Daftar belum bisa diajukan: perbaiki " + violations.size() + " pelanggaran berikut.",
                    violations);
        }
        list.changeStatus(ListStatus.SUBMITTED, new ListChange(clock.instant(), caller.username(), dapil.getStage(),
                "DIAJUKAN", null, list.getCandidates().size() + " calon diajukan ke KPU"));
        return viewOf(lists.save(list), dapil);
    }

    /** KPU marks every candidate MS or TMS (TMS needs a reason); any TMS opens the repair window. */
    public CandidateListView verify(String dapilCode, String partyId, List<VerdictInput> verdicts, Caller caller) {
        if (!DapilAccess.administersSome(caller)) {
            throw DomainException.notPermitted("Daftar calon diverifikasi oleh KPU yang berwenang atas dapilnya.");
        }
        Dapil dapil = dapils.get(dapilCode);
        if (!DapilAccess.canAdminister(caller, dapil.getBody(), dapil.getAreaCode())) {
            throw DomainException.notPermitted(
                    "Anda tidak berwenang memverifikasi daftar calon dapil " + dapilCode + ".");
        }
        CandidateList list = find(dapilCode, partyId);
        if (dapil.getStage() == DapilStage.DCT) {
            throw DomainException.conflict("DCT dapil " + dapilCode + " sudah final; verifikasi tidak bisa diubah.");
        }
        if (list.getStatus() != ListStatus.SUBMITTED) {
            throw DomainException.conflict("Hanya daftar berstatus SUBMITTED yang bisa diverifikasi (sekarang "
                    + list.getStatus() + ").");
        }
        Map<String, VerdictInput> byId = new HashMap<>();
        for (VerdictInput v : verdicts == null ? List.<VerdictInput>of() : verdicts) {
            if (v.candidateId() == null || byId.put(v.candidateId(), v) != null) {
                throw DomainException.invalid("Setiap hasil verifikasi harus menyebut candidateId, satu kali.");
            }
        }
        List<Candidate> judged = new ArrayList<>();
        int tms = 0;
        for (Candidate c : list.getCandidates()) {
            VerdictInput input = byId.remove(c.candidateId());
            if (input == null) {
                throw DomainException.invalid(
                        "Calon " + c.name() + " (" + c.candidateId() + ") belum diberi hasil MS/TMS.");
            }
            Verdict verdict = Verdict.parse(input.verdict());
            if (verdict == Verdict.TMS && (input.reason() == null || input.reason().isBlank())) {
                throw DomainException.invalid("Hasil TMS untuk " + c.name() + " wajib disertai alasan.");
            }
            tms += verdict == Verdict.TMS ? 1 : 0;
            judged.add(c.withVerdict(verdict, blankToNull(input.reason())));
        }
        if (!byId.isEmpty()) {
            throw DomainException.invalid("candidateId tidak ada di daftar ini: " + String.join(", ", byId.keySet()));
        }
        ListStatus status = tms == 0 ? ListStatus.VERIFIED : ListStatus.REPAIR;
        list.replaceCandidates(judged, status, new ListChange(clock.instant(), caller.username(), dapil.getStage(),
                "DIVERIFIKASI", null, (judged.size() - tms) + " MS, " + tms + " TMS"));
        return viewOf(lists.save(list), dapil);
    }

    /** The verified lists of a dapil become its DCS; returns them. */
    public List<CandidateList> includeVerifiedInDcs(String dapilCode) {
        List<CandidateList> included = new ArrayList<>();
        for (CandidateList list : lists.ofDapil(dapilCode)) {
            if (list.getStatus() == ListStatus.VERIFIED) {
                list.markInDcs();
                included.add(lists.save(list));
            }
        }
        return included;
    }

    /** The rules re-checked now (membership, eligibility and other lists may have changed since submission). */
    public List<Violation> violationsOf(CandidateList list) {
        return check(list.getId(), dapils.get(list.getDapilCode()), list.getPartyId(), list.getCandidates());
    }

    public List<CandidateList> listsOf(String dapilCode) {
        return lists.ofDapil(dapilCode);
    }

    public Optional<CandidateList> listWithCandidate(String candidateId) {
        return lists.withCandidate(candidateId);
    }

    List<Violation> check(String listId, Dapil dapil, String partyId, List<Candidate> candidates) {
        return check(listId, dapil, partyId, candidates, Map.of());
    }

    /** @param pending lists about to be saved in the same operation, by id (used instead of their stored version) */
    List<Violation> check(String listId, Dapil dapil, String partyId, List<Candidate> candidates,
                          Map<String, CandidateList> pending) {
        List<CandidateFacts> facts = candidates.stream().map(Candidate::facts).toList();
        ListUnderCheck underCheck = new ListUnderCheck(listId, dapil.getBody(), dapil.getCode(), partyId,
                dapil.getSeats(), facts);
        CandidacyIndex index = new CandidacyIndex(facts.size() * 2);
        if (!facts.isEmpty()) {
            lists.nominatingAny(facts.stream().map(CandidateFacts::nikHash).toList()).stream()
                    .map(other -> pending.getOrDefault(other.getId(), other))
                    .forEach(other -> index.add(other.underCheck(0)));
        }
        return rules.check(underCheck, new RuleContext() {
            @Override
            public boolean partyEligible(String party) {
                return parties.find(party).map(Party::eligible).orElse(false);
            }

            @Override
            public boolean isVerifiedMember(String party, String nikHash) {
                return parties.isVerifiedMember(party, nikHash);
            }

            @Override
            public boolean isMemberOfAnyParty(String nikHash) {
                return parties.isMemberOfAnyParty(nikHash);
            }

            @Override
            public List<String> otherCandidacies(String nikHash, String listIdToSkip) {
                return index.others(nikHash, listIdToSkip);
            }
        });
    }

    private CandidateListView viewOf(CandidateList list, Dapil dapil) {
        List<Violation> violations = dapil.getStage() == DapilStage.DCT ? List.of()
                : check(list.getId(), dapil, list.getPartyId(), list.getCandidates());
        return CandidateListView.of(list, dapil.getSeats(), dapil.getStage(), violations);
    }

    private CandidateList find(String dapilCode, String partyId) {
        return lists.find(dapilCode, partyId).orElseThrow(() -> DomainException.notFound(
                "Belum ada daftar calon partai "
                + partyId + " di dapil " + dapilCode + "."));
    }

    /**
     * Before the dapil is looked up: only the party's own operator edits a party list, only KPU the individual (DPD)
     * list; the full check ({@link #requireEdit}) follows once the dapil's body and area are known.
     */
    private static void requireMayEdit(Caller caller, String partyId) {
        boolean maybe = CandidateList.INDIVIDUAL.equals(partyId) ? DapilAccess.administersSome(caller)
                : caller.hasRole(Roles.PARTY_OPERATOR) && partyId.equals(caller.partyId());
        if (!maybe) {
            throw DomainException.notPermitted(CandidateList.INDIVIDUAL.equals(partyId)
                    ? "Daftar calon DPD (perseorangan) diisi oleh KPU yang berwenang atas dapilnya."
                    : "Hanya operator partai " + partyId + " yang boleh mengubah daftar calon partai ini.");
        }
    }

    private static void requireEdit(Caller caller, Dapil dapil, String partyId) {
        boolean allowed = dapil.getBody().partyLists()
                ? caller.hasRole(Roles.PARTY_OPERATOR) && partyId.equals(caller.partyId())
                : CandidateList.INDIVIDUAL.equals(partyId)
                        && DapilAccess.canAdminister(caller, dapil.getBody(), dapil.getAreaCode());
        if (!allowed) {
            throw DomainException.notPermitted(dapil.getBody().partyLists()
                    ? "Hanya operator partai " + partyId + " yang boleh mengubah daftar calon partai ini."
                    : "Daftar calon DPD (perseorangan) diisi oleh KPU yang berwenang atas dapil ini.");
        }
    }

    private static boolean canRead(Caller caller, String partyId) {
        return caller.hasRole(Roles.KPU_RI) || caller.hasRole(Roles.KPU_PROVINSI) || caller.hasRole(Roles.KPU_KABKOTA)
                || caller.hasRole(Roles.BAWASLU)
                || (caller.hasRole(Roles.PARTY_OPERATOR) && partyId.equals(caller.partyId()));
    }

    private static void requireRead(Caller caller, String partyId) {
        if (!canRead(caller, partyId)) {
            throw DomainException.notPermitted("Daftar calon partai lain hanya bisa dilihat setelah DCS diumumkan.");
        }
    }

    private static DomainException rejected(String detail, List<Violation> violations) {
        return new DomainException(DomainException.Kind.RULES_FAILED,
                "Daftar calon melanggar aturan pencalonan", detail,
                Map.of("violations", violations));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
