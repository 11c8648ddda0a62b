package id.pemilu.candidates.publication;

import id.pemilu.candidates.dapil.Dapil;
import id.pemilu.candidates.dapil.DapilAccess;
import id.pemilu.candidates.dapil.DapilCatalog;
import id.pemilu.candidates.dapil.DapilStage;
import id.pemilu.candidates.dapil.DapilView;
import id.pemilu.candidates.dapil.DctVersion;
import id.pemilu.candidates.dapil.PublishedParty;
import id.pemilu.candidates.nomination.Candidate;
import id.pemilu.candidates.nomination.CandidateList;
import id.pemilu.candidates.nomination.ListStatus;
import id.pemilu.candidates.nomination.NominationService;
import id.pemilu.candidates.nomination.Verdict;
import id.pemilu.candidates.party.Party;
import id.pemilu.candidates.party.PartyDirectory;
import id.pemilu.common.events.DctFinalized;
import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.security.Caller;
import id.pemilu.common.domain.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Publishes the DCS of a dapil and freezes its DCT, sending the ballot structure to recap-service. */
@Service
public class PublicationService {

    static final String DAPIL_COLLECTION = "dapil";

    private final DapilCatalog catalog;
    private final NominationService nominations;
    private final PartyDirectory parties;
    private final ObjectProvider<OutboxRelay> outboxRelay;
    private final Clock clock;

    PublicationService(DapilCatalog catalog, NominationService nominations, PartyDirectory parties,
                       ObjectProvider<OutboxRelay> outboxRelay, Clock clock) {
        this.catalog = catalog;
        this.nominations = nominations;
        this.parties = parties;
        this.outboxRelay = outboxRelay;
        this.clock = clock;
    }

    public PublicBallot publishDcs(String dapilCode, Caller caller) {
        Dapil dapil = administered(dapilCode, caller);
        if (dapil.getStage() != DapilStage.NOMINATION) {
            throw DomainException.conflict(
                    "DCS dapil " + dapilCode + " sudah diumumkan (tahap " + dapil.getStage() + ").");
        }
        boolean anyVerified = nominations.listsOf(dapilCode).stream()
                .anyMatch(list -> list.getStatus() == ListStatus.VERIFIED);
        if (!anyVerified) {
            throw DomainException.conflict(
                    "Belum ada daftar calon yang terverifikasi (semua MS) di dapil " + dapilCode + ".");
        }
        requireNoViolations(nominations.listsOf(dapilCode).stream()
                .filter(list -> list.getStatus() == ListStatus.VERIFIED).toList());
        nominations.includeVerifiedInDcs(dapilCode);
        dapil.publishDcs(caller.username(), clock.instant());
        catalog.save(dapil);
        return ballot(dapil, "DCS");
    }

    public PublicBallot finalizeDct(String dapilCode, Caller caller) {
        Dapil dapil = administered(dapilCode, caller);
        if (dapil.getStage() == DapilStage.NOMINATION) {
            throw DomainException.conflict("DCS dapil " + dapilCode + " belum diumumkan; DCT ditetapkan setelah masa "
                    + "tanggapan masyarakat atas DCS.");
        }
        if (dapil.getStage() == DapilStage.DCT) {
            throw DomainException.conflict("DCT dapil " + dapilCode + " sudah final (versi " + dapil.getDctVersion()
                    + ") dan tidak bisa diubah.");
        }
        List<CandidateList> lists = nominations.listsOf(dapilCode).stream().filter(CandidateList::isInDcs).toList();
        List<String> pending = lists.stream().filter(l -> l.getStatus() != ListStatus.VERIFIED)
                .map(CandidateList::getPartyId).toList();
        if (!pending.isEmpty()) {
            throw DomainException.conflict("Daftar partai " + String.join(", ", pending)
                    + " masih menunggu verifikasi KPU atas perubahannya; DCT belum bisa ditetapkan.");
        }
        requireNoViolations(lists);
        List<DctFinalized.BallotParty> ballotParties = ballotParties(dapil, lists);
        Instant now = clock.instant();
        DctFinalized event = new DctFinalized(UUID.randomUUID(), now, DctFinalized.CURRENT_VERSION,
                dapil.getBody().name(), dapil.getCode(), dapil.getName(), dapil.getSeats(), dapil.getDctVersion() + 1,
                dapil.getRegionCodes(), ballotParties);
        // DctFinalized is defined for party-list ballots only; recap-service takes DPD ballots from its configuration
        dapil.finalizeDct(caller.username(), now, publishedParties(dapil),
                dapil.getBody().partyLists() ? event : null);
        catalog.save(dapil);
        outboxRelay.ifAvailable(relay -> relay.publishSoon(DAPIL_COLLECTION, dapil.getCode()));
        return frozenDct(dapil, null);
    }

    /** KPU RI reopens a final DCT with a reason (e.g. a Bawaslu or court decision); the next DCT is a new version. */
    public PublicBallot reopenDct(String dapilCode, String reason, Caller caller) {
        if (!caller.hasRole(id.pemilu.common.security.Roles.KPU_RI)) {
            throw DomainException.notPermitted("Hanya KPU RI yang dapat membuka kembali DCT.");
        }
        Dapil dapil = catalog.get(dapilCode);
        if (dapil.getStage() != DapilStage.DCT) {
            throw DomainException.conflict(
                    "DCT dapil " + dapilCode + " belum ditetapkan; tidak ada yang dibuka kembali.");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("Pembukaan kembali DCT wajib disertai alasan (mis. nomor putusan).");
        }
        dapil.reopenDct(caller.username(), clock.instant(), reason.trim());
        catalog.save(dapil);
        return ballot(dapil, "DCS");
    }

    public PublicBallot publicDcs(String dapilCode) {
        Dapil dapil = catalog.get(dapilCode);
        if (dapil.getStage() == DapilStage.NOMINATION) {
            throw DomainException.notFound("DCS dapil " + dapilCode + " belum diumumkan.");
        }
        return ballot(dapil, "DCS");
    }

    /** The frozen DCT (latest version, or {@code version}); still readable while KPU RI has reopened it. */
    public PublicBallot publicDct(String dapilCode, Integer version) {
        return frozenDct(catalog.get(dapilCode), version);
    }

    private PublicBallot frozenDct(Dapil dapil, Integer version) {
        DctVersion dct = dapil.dct(version).orElseThrow(() -> DomainException.notFound("DCT dapil " + dapil.getCode()
                + (version == null ? "" : " versi " + version) + " belum ditetapkan."));
        return new PublicBallot(DapilView.of(dapil), "DCT", dct.version(), dct.finalizedAt(), dct.parties());
    }

    private List<DctFinalized.BallotParty> ballotParties(Dapil dapil, List<CandidateList> lists) {
        List<DctFinalized.BallotParty> result = new ArrayList<>();
        if (!dapil.getBody().partyLists()) {
            lists.forEach(list -> result.add(new DctFinalized.BallotParty(CandidateList.INDIVIDUAL, 0,
                    "Perseorangan (DPD)", ballotCandidates(list))));
            return result;
        }
        List<String> unnumbered = new ArrayList<>();
        for (CandidateList list : lists) {
            Party party = parties.find(list.getPartyId()).orElse(null);
            if (party == null || party.ballotNumber() == null) {
                unnumbered.add(list.getPartyId());
            } else {
                result.add(new DctFinalized.BallotParty(party.partyId(), party.ballotNumber(), party.name(),
                        ballotCandidates(list)));
            }
        }
        if (!unnumbered.isEmpty()) {
            throw DomainException.conflict("Nomor urut partai " + String.join(", ", unnumbered)
                    + " belum ditetapkan (PUT /api/candidates/parties/ballot-numbers).");
        }
        if (result.isEmpty()) {
            throw DomainException.conflict("Tidak ada daftar calon di DCS dapil " + dapil.getCode() + ".");
        }
        result.sort(Comparator.comparingInt(DctFinalized.BallotParty::ballotNumber));
        return result;
    }

    private static List<DctFinalized.BallotCandidate> ballotCandidates(CandidateList list) {
        List<DctFinalized.BallotCandidate> result = new ArrayList<>();
        for (Candidate c : published(list)) {
            result.add(new DctFinalized.BallotCandidate(result.size() + 1, c.name(), c.gender().name()));
        }
        return result;
    }

    private static List<Candidate> published(CandidateList list) {
        return list.getCandidates().stream().filter(c -> c.verdict() == Verdict.MS).toList();
    }

    private PublicBallot ballot(Dapil dapil, String which) {
        return new PublicBallot(DapilView.of(dapil), which, dapil.getDctVersion(), dapil.getDcsPublishedAt(),
                publishedParties(dapil));
    }

    /** The lists in the DCS as the public may see them, parties in ballot order. */
    private List<PublishedParty> publishedParties(Dapil dapil) {
        List<PublishedParty> result = new ArrayList<>();
        for (CandidateList list : nominations.listsOf(dapil.getCode())) {
            if (!list.isInDcs()) {
                continue;
            }
            Party party = parties.find(list.getPartyId()).orElse(null);
            List<PublishedParty.Candidate> candidates = new ArrayList<>();
            for (Candidate c : published(list)) {
                candidates.add(new PublishedParty.Candidate(c.candidateId(), candidates.size() + 1, c.name(),
                        c.gender().name(), c.formerConvict(), c.cvConsent(), c.cvConsent() ? c.cv() : null));
            }
            List<PublishedParty.Change> changes = list.getChanges().stream()
                    .filter(change -> change.stage() == DapilStage.DCS)
                    .map(change -> new PublishedParty.Change(change.at(), change.action(), change.reason(),
                            change.summary())).toList();
            result.add(new PublishedParty(list.getPartyId(), party == null ? "Perseorangan (DPD)" : party.name(),
                    party == null ? null : party.abbreviation(), party == null ? null : party.ballotNumber(),
                    candidates, changes));
        }
        result.sort(Comparator.comparing(PublishedParty::ballotNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PublishedParty::partyId));
        return result;
    }

    /** Rules can break after verification (a member removed, a party no longer eligible, a double candidacy). */
    private void requireNoViolations(List<CandidateList> lists) {
        List<String> broken = new ArrayList<>();
        for (CandidateList list : lists) {
            nominations.violationsOf(list).forEach(v -> broken.add(list.getPartyId() + " posisi "
                    + (v.position() == null ? "-" : v.position()) + " [" + v.rule() + "]: " + v.message()));
        }
        if (!broken.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Daftar calon melanggar aturan",
                    "Daftar terverifikasi kini melanggar aturan pencalonan; perbaiki dulu.",
                    Map.of("problems", broken));
        }
    }

    /** The caller is checked before the lookup too: other roles do not learn which dapil exist. */
    private Dapil administered(String dapilCode, Caller caller) {
        if (!DapilAccess.administersSome(caller)) {
            throw DomainException.notPermitted("Anda tidak berwenang atas dapil " + dapilCode + ".");
        }
        Dapil dapil = catalog.get(dapilCode);
        if (!DapilAccess.canAdminister(caller, dapil.getBody(), dapil.getAreaCode())) {
            throw DomainException.notPermitted("Anda tidak berwenang atas dapil " + dapilCode + ".");
        }
        return dapil;
    }
}
