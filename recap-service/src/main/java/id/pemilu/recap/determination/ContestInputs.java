package id.pemilu.recap.determination;

import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.recap.RecapProperties;
import id.pemilu.recap.ballot.BallotStructures;
import id.pemilu.recap.ballot.LegislativeDapil;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns what recap-service knows into the inputs of the penetapan rules: the contenders of each contest (PPWP and
 * Pilkada pairs and DPD candidates from configuration, legislative parties and candidates from the DCT of each
 * dapil), their votes from {@link ContestTallies} (this bean: the live totals, for the hold-back alert; the penetapan
 * takes a copy {@link #using} the D.Hasil), and their spread (regions one tier below the contest's regions in
 * which they received a vote).
 */
@Component
public class ContestInputs {

    private final ContestTallies tallies;
    private final BallotStructures structures;
    private final TpsRegistry registry;
    private final RecapProperties recap;

    ContestInputs(ContestTallies tallies, BallotStructures structures, TpsRegistry registry, RecapProperties recap) {
        this.tallies = tallies;
        this.structures = structures;
        this.registry = registry;
        this.recap = recap;
    }

    public ContestTallies tallies() {
        return tallies;
    }

    /** The same inputs with the votes read from {@code other} (the penetapan: the D.Hasil of the deciding tier). */
    ContestInputs using(ContestTallies other) {
        return new ContestInputs(other, structures, registry, recap);
    }

    /** PPWP: national votes per pair and per-province votes of every province of the registry. */
    public record Presidential(List<Contender> pairs, List<ProvinceVotes> provinces) {
    }

    public Presidential presidential() {
        List<String> provinces = new ArrayList<>(registry.childrenOf(TpsRegistry.NATIONAL));
        List<String> codes = new ArrayList<>(provinces);
        codes.add(TpsRegistry.NATIONAL);
        Map<String, Map<String, Long>> totals = tallies.totals(BallotType.PPWP, codes);
        int pairs = recap.ppwpCandidates();
        List<Contender> national = new ArrayList<>();
        Map<String, Long> nationalTotals = totals.getOrDefault(TpsRegistry.NATIONAL, Map.of());
        for (int n = 1; n <= pairs; n++) {
            national.add(Contender.of(String.valueOf(n), pairName(n),
                    nationalTotals.getOrDefault(C1FieldKeys.candidateVotes(n), 0L)));
        }
        List<ProvinceVotes> byProvince = new ArrayList<>();
        for (String p : provinces) {
            Map<String, Long> t = totals.getOrDefault(p, Map.of());
            Map<String, Long> votes = new LinkedHashMap<>();
            for (int n = 1; n <= pairs; n++) {
                votes.put(String.valueOf(n), t.getOrDefault(C1FieldKeys.candidateVotes(n), 0L));
            }
            byProvince.add(new ProvinceVotes(p, regionName(p), votes));
        }
        return new Presidential(national, byProvince);
    }

    /** The pairs (Pilkada, PPWP in one region) or DPD candidates of a region with votes and spread. */
    public List<Contender> candidates(BallotType type, String regionCode) {
        int count = candidateCount(type, regionCode);
        List<String> children = new ArrayList<>(registry.childrenOf(regionCode));
        List<String> codes = new ArrayList<>(children);
        codes.add(regionCode);
        Map<String, Map<String, Long>> totals = tallies.totals(type, codes);
        Map<String, Long> own = totals.getOrDefault(regionCode, Map.of());
        List<Contender> out = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String key = C1FieldKeys.candidateVotes(n);
            int spread = (int) children.stream()
                    .filter(c -> totals.getOrDefault(c, Map.of()).getOrDefault(key, 0L) > 0).count();
            String name = type == BallotType.DPD ? "Calon DPD nomor " + n : pairName(n);
            out.add(new Contender(String.valueOf(n), name, own.getOrDefault(key, 0L), spread, false));
        }
        return out;
    }

    int candidateCount(BallotType type, String regionCode) {
        return switch (type) {
            case PPWP -> recap.ppwpCandidates();
            case DPD -> {
                Integer count = recap.dpdCandidates().get(regionCode);
                if (count == null) {
                    throw new DomainException(DomainException.Kind.CONFLICT, "Surat suara belum siap",
                            "Daftar calon DPD untuk provinsi " + regionCode + " belum tersedia.");
                }
                yield count;
            }
            case PILKADA_GUBERNUR, PILKADA_BUPATI ->
                    recap.pilkadaCandidates().getOrDefault(regionCode, recap.pilkadaDefaultCandidates());
            default -> throw new IllegalArgumentException("Bukan pemilihan calon perseorangan/pasangan: " + type);
        };
    }

    /** Dapil of a legislative body inside {@code area} (DPR: {@code ID} = all; DPRD: the province or kab/kota). */
    public List<LegislativeDapil> dapils(BallotType type, String area) {
        return structures.legislativeDapils(type).stream()
                .filter(d -> TpsRegistry.NATIONAL.equals(area)
                        || d.regionCodes().stream().allMatch(r -> r.equals(area) || r.startsWith(area + ".")))
                .toList();
    }

    /** A dapil's parties and candidates with their votes and spread, summed over the dapil's regions. */
    public DapilInput dapil(BallotType type, LegislativeDapil d) {
        List<String> spreadRegions = new ArrayList<>();
        for (String r : d.regionCodes()) {
            Collection<String> children = registry.childrenOf(r);
            if (children.isEmpty()) {
                spreadRegions.add(r);
            } else {
                spreadRegions.addAll(children);
            }
        }
        List<String> codes = new ArrayList<>(d.regionCodes());
        codes.addAll(spreadRegions);
        Map<String, Map<String, Long>> totals = tallies.totals(type, codes);
        Map<String, Long> sum = new HashMap<>();
        for (String r : d.regionCodes()) {
            totals.getOrDefault(r, Map.of()).forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        List<PartyInput> parties = new ArrayList<>();
        for (LegislativeDapil.Party p : d.parties()) {
            int spread = (int) spreadRegions.stream()
                    .filter(r -> partyVotes(totals.getOrDefault(r, Map.of()), p.ballotNumber()) > 0).count();
            List<Contender> candidates = new ArrayList<>();
            for (LegislativeDapil.Candidate c : p.candidates()) {
                String key = C1FieldKeys.partyCandidateVotes(p.ballotNumber(), c.number());
                int cSpread = (int) spreadRegions.stream()
                        .filter(r -> totals.getOrDefault(r, Map.of()).getOrDefault(key, 0L) > 0).count();
                candidates.add(new Contender(p.ballotNumber() + "." + c.number(), c.name(),
                        sum.getOrDefault(key, 0L), cSpread, c.woman()));
            }
            parties.add(new PartyInput(new Contender(partyId(p), partyName(p), partyVotes(sum, p.ballotNumber()),
                    spread, false), candidates));
        }
        return new DapilInput(d.code(), d.name(), d.seats(), parties);
    }

    /** National votes of every party on the body's ballots (for the DPR threshold). */
    public List<Contender> nationalParties(BallotType type) {
        Map<Integer, LegislativeDapil.Party> parties = new java.util.TreeMap<>();
        for (LegislativeDapil d : structures.legislativeDapils(type)) {
            d.parties().forEach(p -> parties.putIfAbsent(p.ballotNumber(), p));
        }
        Map<String, Long> national = tallies.totals(type, TpsRegistry.NATIONAL);
        List<Contender> out = new ArrayList<>();
        parties.values().forEach(p -> out.add(Contender.of(partyId(p), partyName(p),
                partyVotes(national, p.ballotNumber()))));
        return out;
    }

    /** A party's own votes plus its candidates' votes. */
    static long partyVotes(Map<String, Long> totals, int ballotNumber) {
        String own = C1FieldKeys.partyVotes(ballotNumber);
        String candidatePrefix = own + ".candidate.";
        long sum = 0;
        for (Map.Entry<String, Long> e : totals.entrySet()) {
            if (e.getKey().equals(own) || e.getKey().startsWith(candidatePrefix)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    static String partyId(LegislativeDapil.Party p) {
        return p.partyId() == null || p.partyId().isBlank() ? "nomor-" + p.ballotNumber() : p.partyId();
    }

    static String partyName(LegislativeDapil.Party p) {
        return p.ballotNumber() + ". " + (p.name() == null ? partyId(p) : p.name());
    }

    static String pairName(int n) {
        return "Pasangan calon nomor " + n;
    }

    public String regionName(String code) {
        if (TpsRegistry.NATIONAL.equals(code)) {
            return "Indonesia";
        }
        return Wilayah.indonesia().find(code).map(r -> r.name()).orElse(code);
    }

    public Collection<String> childrenOf(String code) {
        return registry.childrenOf(code);
    }
}
