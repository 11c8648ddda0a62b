package id.pemilu.partyregistry.party;

import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.common.domain.DomainException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Registers parties, changes their leadership and offices, and keeps the requirements report current. */
@Service
public class PartyService {

    private final Parties parties;
    private final MemberMinimums minimums;
    private final ObjectProvider<MemberCounts> memberCounts;
    private final ObjectProvider<OutboxRelay> relay;
    private final Requirements requirements = new Requirements(Wilayah.indonesia());

    PartyService(Parties parties, MemberMinimums minimums, ObjectProvider<MemberCounts> memberCounts,
                 ObjectProvider<OutboxRelay> relay) {
        this.parties = parties;
        this.minimums = minimums;
        this.memberCounts = memberCounts;
        this.relay = relay;
    }

    Party register(Party party) {
        evaluateInto(party, null);
        Party saved = parties.insert(party);
        publishSoon(saved.getId());
        return saved;
    }

    public Party get(String partyId) {
        return parties.get(partyId);
    }

    public boolean exists(String partyId) {
        return parties.find(partyId).isPresent();
    }

    List<Party> all() {
        return parties.all();
    }

    /** Applies a change to the party, recomputes its requirements and saves once (retrying on a concurrent edit). */
    Party change(String partyId, Consumer<Party> change) {
        return changed(partyId, change).party();
    }

    /** Recomputes the report after members changed; raises PartyRequirementsEvaluated when met/unmet changed. */
    public RequirementsReport reevaluate(String partyId) {
        return changed(partyId, party -> { }).report();
    }

    /** Like {@link #reevaluate(String)} for several parties, counting the members of all of them in one pass. */
    public void reevaluate(Collection<String> partyIds) {
        Map<String, Map<String, Long>> counts = memberCounts.getIfAvailable(() -> id -> Map.of())
                .countedPerKabKota(partyIds);
        for (String partyId : partyIds) {
            changed(partyId, party -> { }, counts.get(partyId));
        }
    }

    private record Changed(Party party, RequirementsReport report) {
    }

    private Changed changed(String partyId, Consumer<Party> change) {
        return changed(partyId, change, null);
    }

    /** @param counted the party's counted members if just counted (null: counted here) */
    private Changed changed(String partyId, Consumer<Party> change, Map<String, Long> counted) {
        for (int attempt = 1; ; attempt++) {
            Party party = parties.get(partyId);
            change.accept(party);
            RequirementsReport report = evaluateInto(party, counted);
            try {
                Party saved = parties.save(party);
                publishSoon(partyId);
                return new Changed(saved, report);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw DomainException.conflict("Data partai sedang diubah orang lain; coba lagi.");
                }
            }
        }
    }

    public RequirementsReport report(String partyId) {
        Party party = parties.get(partyId);
        return compute(party, null);
    }

    /** Sets the minimum members of some kab/kota (checked first, then stored) and re-evaluates every party. */
    void setMinimums(Map<String, Integer> byKabKota) {
        if (byKabKota == null || byKabKota.isEmpty()) {
            throw new IllegalArgumentException("Daftar batas minimal anggota kosong.");
        }
        byKabKota.forEach((code, minimum) -> {
            if (Wilayah.indonesia().find(code).filter(r -> r.code().length() == 5).isEmpty()) {
                throw new IllegalArgumentException("Kode kab/kota tidak dikenal: " + code);
            }
            if (minimum == null || minimum < 1 || minimum > 1_000_000) {
                throw new IllegalArgumentException("Batas minimal anggota " + code + " harus 1–1.000.000.");
            }
        });
        byKabKota.forEach(minimums::set);
        parties.all().forEach(p -> reevaluate(p.getId()));
    }

    /** @param counted the party's counted members if just counted (null: counted here) */
    private RequirementsReport evaluateInto(Party party, Map<String, Long> counted) {
        RequirementsReport report = compute(party, counted);
        party.recordRequirements(report.met(), report.unmetRules());
        return report;
    }

    private RequirementsReport compute(Party party, Map<String, Long> counted) {
        Map<String, Integer> mins = minimums.all();
        Map<String, Long> counts = party.getRevision() == null ? Map.of() : counted != null ? counted
                : memberCounts.getIfAvailable(() -> id -> Map.of()).countedPerKabKota(party.getId());
        return requirements.evaluate(party.getId(), party.getBranches(), party.getLeadership(), counts,
                code -> mins.getOrDefault(code, MemberMinimums.DEFAULT_MINIMUM));
    }

    private void publishSoon(String partyId) {
        OutboxRelay outbox = relay.getIfAvailable();
        if (outbox != null) {
            outbox.publishSoon(Party.COLLECTION, partyId);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
