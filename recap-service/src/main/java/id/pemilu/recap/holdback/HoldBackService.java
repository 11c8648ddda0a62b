package id.pemilu.recap.holdback;

import id.pemilu.recap.ballot.LegislativeDapil;
import id.pemilu.recap.determination.Contender;
import id.pemilu.recap.determination.ContestInputs;
import id.pemilu.recap.determination.DapilInput;
import id.pemilu.recap.determination.DeterminationProperties;
import id.pemilu.recap.determination.DeterminationRules;
import id.pemilu.recap.determination.PartyInput;
import id.pemilu.recap.determination.ProvinceVotes;
import id.pemilu.recap.holdback.OutstandingTps.Outstanding;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Per contest: can the TPS that are not counted yet still change the outcome? Uses the same inputs as the penetapan
 * ({@link ContestInputs}) and the bounds of {@link HoldBackRules}.
 */
@Service
public class HoldBackService {

    private final ContestInputs inputs;
    private final OutstandingTps outstanding;
    private final DeterminationRules rules;
    private final DeterminationProperties properties;

    HoldBackService(ContestInputs inputs, OutstandingTps outstanding, DeterminationRules rules,
                    DeterminationProperties properties) {
        this.inputs = inputs;
        this.outstanding = outstanding;
        this.rules = rules;
        this.properties = properties;
    }

    /**
     * One contest's verdict.
     *
     * @param verdict     "hasil belum dapat dipastikan" or "TPS yang tersisa tidak dapat mengubah hasil"
     * @param mattersMost the outstanding TPS with the most voters (at most 10)
     */
    public record ContestHoldBack(String contest, String ballotType, String regionCode, String name,
                                  boolean canChange, String verdict, List<String> reasons, int outstandingTps,
                                  long outstandingVotes, List<OutstandingTps.Tps> mattersMost) {

        static ContestHoldBack of(String contest, BallotType type, String region, String name, Verdict v,
                                  Outstanding out) {
            return new ContestHoldBack(contest, type.name(), region, name, v.canChange(), v.message(), v.reasons(),
                    out.tps(), out.votes(), out.mattersMost());
        }
    }

    /** Every contest of this ballot type inside {@code region} ({@code ID}: all). */
    public List<ContestHoldBack> contests(BallotType type, String region) {
        String area = region == null || region.isBlank() ? TpsRegistry.NATIONAL : region.trim();
        return switch (type) {
            case PPWP -> presidential(area);
            case DPR, DPRD_PROVINSI, DPRD_KABKOTA -> legislative(type, area);
            case DPD -> provinces(area).stream().map(this::dpd).filter(java.util.Objects::nonNull).toList();
            case PILKADA_GUBERNUR -> provinces(area).stream().map(p -> pilkada(type, p)).toList();
            case PILKADA_BUPATI -> provinces(area).stream().flatMap(p -> inputs.childrenOf(p).stream())
                    .filter(k -> under(k, area)).map(k -> pilkada(type, k)).toList();
        };
    }

    private List<ContestHoldBack> presidential(String area) {
        ContestInputs.Presidential p = inputs.presidential();
        List<ContestHoldBack> out = new ArrayList<>();
        Map<String, Outstanding> byProvince = new HashMap<>();
        Outstanding national = Outstanding.NONE;
        for (ProvinceVotes province : p.provinces()) {
            Outstanding o = outstanding.of(BallotType.PPWP, List.of(province.code()));
            byProvince.put(province.code(), o);
            national = national.plus(o);
        }
        if (TpsRegistry.NATIONAL.equals(area)) {
            Map<String, Long> votes = byProvince.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().votes()));
            Verdict v = HoldBackRules.presidential(p.pairs(), p.provinces(), votes, p.provinces().size());
            out.add(ContestHoldBack.of("PPWP nasional", BallotType.PPWP, TpsRegistry.NATIONAL, "Indonesia", v,
                    national));
        }
        for (ProvinceVotes province : p.provinces()) {
            if (!under(province.code(), area) && !under(area, province.code())) {
                continue;
            }
            List<Contender> pairs = province.votes().entrySet().stream()
                    .map(e -> Contender.of(e.getKey(), "Pasangan calon nomor " + e.getKey(), e.getValue())).toList();
            Outstanding o = byProvince.get(province.code());
            out.add(ContestHoldBack.of("PPWP provinsi " + province.name(), BallotType.PPWP, province.code(),
                    province.name(), HoldBackRules.presidentialProvince(province, pairs, o.votes()), o));
        }
        return out;
    }

    private List<ContestHoldBack> legislative(BallotType type, String area) {
        List<LegislativeDapil> dapils = inputs.dapils(type, area);
        Set<String> thresholdOpen = Set.of();
        Set<String> below = Set.of();
        if (type == BallotType.DPR && !dapils.isEmpty()) {
            List<Contender> national = inputs.nationalParties(type);
            long valid = national.stream().mapToLong(Contender::votes).sum();
            int percent = properties.thresholdPercent();
            below = national.stream().filter(c -> valid == 0 || c.votes() * 100 < (long) percent * valid)
                    .map(Contender::id).collect(Collectors.toSet());
            Outstanding all = outstanding.of(type, List.of(TpsRegistry.NATIONAL));
            thresholdOpen = HoldBackRules.thresholdOpen(national, percent, all.votes()).stream()
                    .map(Contender::id).collect(Collectors.toSet());
        }
        List<ContestHoldBack> out = new ArrayList<>();
        for (LegislativeDapil d : dapils) {
            DapilInput full = inputs.dapil(type, d);
            Set<String> excluded = below;
            Set<String> open = thresholdOpen;
            DapilInput taking = new DapilInput(full.code(), full.name(), full.seats(), full.parties().stream()
                    .filter(p -> !excluded.contains(p.party().id())).toList());
            List<PartyInput> openHere = full.parties().stream().filter(p -> open.contains(p.party().id())).toList();
            Outstanding o = outstanding.of(type, d.regionCodes());
            Verdict v = HoldBackRules.seats(taking, o.votes(), openHere, rules.tieBreak());
            out.add(ContestHoldBack.of("Kursi " + type + " dapil " + d.name(), type, d.code(), d.name(), v, o));
        }
        return out;
    }

    private ContestHoldBack dpd(String province) {
        List<Contender> candidates;
        try {
            candidates = inputs.candidates(BallotType.DPD, province);
        } catch (id.pemilu.common.domain.DomainException notOpen) {
            return null;
        }
        Outstanding o = outstanding.of(BallotType.DPD, List.of(province));
        return ContestHoldBack.of("DPD " + inputs.regionName(province), BallotType.DPD, province,
                inputs.regionName(province), HoldBackRules.topN(candidates, DeterminationRules.DPD_SEATS, o.votes()),
                o);
    }

    private ContestHoldBack pilkada(BallotType type, String region) {
        List<Contender> pairs = inputs.candidates(type, region);
        Outstanding o = outstanding.of(type, List.of(region));
        Integer majority = properties.pilkadaMajority().get(region);
        Verdict v = majority == null ? HoldBackRules.topN(pairs, 1, o.votes())
                : HoldBackRules.majority(pairs, majority, o.votes());
        String name = inputs.regionName(region);
        return ContestHoldBack.of((type == BallotType.PILKADA_GUBERNUR ? "Pilkada gubernur " : "Pilkada bupati/wali kota ")
                + name, type, region, name, v, o);
    }

    private List<String> provinces(String area) {
        return inputs.childrenOf(TpsRegistry.NATIONAL).stream()
                .filter(p -> under(p, area) || under(area, p)).toList();
    }

    /** Is {@code code} inside {@code area} (or equal)? */
    static boolean under(String code, String area) {
        return TpsRegistry.NATIONAL.equals(area) || code.equals(area) || code.startsWith(area + ".");
    }
}
