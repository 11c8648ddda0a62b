package id.pemilu.recap.ballot;

import id.pemilu.common.events.DctFinalized;
import id.pemilu.recap.RecapProperties;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.storage.DurableWrites;
import id.pemilu.common.domain.DomainException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Which vote rows a ballot has at a TPS. PPWP and Pilkada come from configuration; DPD from configuration per
 * province; DPR/DPRD from the DCT the candidate-service finalised for the dapil that covers the TPS.
 */
@Service
public class BallotStructures implements SmartInitializingSingleton {

    private final MongoTemplate mongo;
    private final RecapProperties properties;
    private final DurableWrites durable;
    private final Map<String, DapilBallot> dapils = new ConcurrentHashMap<>();

    BallotStructures(MongoTemplate mongo, RecapProperties properties, DurableWrites durable) {
        this.durable = durable;
        this.mongo = mongo;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.findAll(DapilBallot.class).forEach(d -> dapils.put(d.id(), d));
    }

    public BallotStructure structure(BallotType type, TpsCode tps) {
        String[] chain = tps.regionChain();
        return switch (type) {
            case PPWP -> BallotStructure.candidates(properties.ppwpCandidates(), "pasangan calon");
            case PILKADA_GUBERNUR -> BallotStructure.candidates(properties.pilkadaCandidates()
                    .getOrDefault(chain[0], properties.pilkadaDefaultCandidates()), "pasangan calon");
            case PILKADA_BUPATI -> BallotStructure.candidates(properties.pilkadaCandidates()
                    .getOrDefault(chain[1], properties.pilkadaDefaultCandidates()), "pasangan calon");
            case DPD -> {
                Integer count = properties.dpdCandidates().get(chain[0]);
                if (count == null) {
                    throw notOpen("Daftar calon DPD untuk provinsi " + chain[0] + " belum tersedia.");
                }
                yield BallotStructure.candidates(count, "calon DPD");
            }
            case DPR, DPRD_PROVINSI, DPRD_KABKOTA -> legislative(type, tps);
        };
    }

    private BallotStructure legislative(BallotType type, TpsCode tps) {
        DapilBallot best = null;
        int bestLength = -1;
        for (DapilBallot dapil : dapils.values()) {
            if (!dapil.body().equals(type.name())) {
                continue;
            }
            for (String region : dapil.regionCodes()) {
                boolean covers = tps.value().equals(region) || tps.value().startsWith(region + ".");
                if (covers && region.length() > bestLength) {
                    best = dapil;
                    bestLength = region.length();
                }
            }
        }
        if (best == null) {
            throw notOpen("DCT " + type + " untuk dapil yang mencakup TPS " + tps + " belum ditetapkan.");
        }
        List<int[]> parties = best.parties().stream()
                .map(p -> new int[] {p.ballotNumber(), p.candidates()}).toList();
        return BallotStructure.parties(parties, "partai dan calon dapil " + best.dapilName());
    }

    /** Stores a finalised DCT; an older DCT version never replaces a newer one. Idempotent. */
    public void accept(DctFinalized dct) {
        String id = dct.body() + "|" + dct.dapilCode();
        DapilBallot current = dapils.get(id);
        if (current == null) {
            current = mongo.findById(id, DapilBallot.class);
        }
        if (current != null && current.dctVersion() >= dct.dctVersion()) {
            dapils.put(id, current);
            return;
        }
        DapilBallot ballot = new DapilBallot(id, dct.body(), dct.dapilCode(), dct.dapilName(), dct.dctVersion(),
                List.copyOf(dct.regionCodes()), dct.parties().stream()
                .map(p -> new DapilBallot.Party(p.partyId(), p.ballotNumber(), p.partyName(),
                        p.candidates() == null ? 0 : p.candidates().size(), p.candidates() == null ? List.of()
                        : p.candidates().stream().map(c -> new DapilBallot.Candidate(c.number(), c.name(),
                        c.gender())).toList())).toList(), dct.seats());
        mongo.save(ballot);
        durable.await();
        dapils.put(id, ballot);
    }

    /** The dapil of a legislative body (DPR, DPRD_PROVINSI, DPRD_KABKOTA) known from their DCT, by code. */
    public List<LegislativeDapil> legislativeDapils(BallotType type) {
        return dapils.values().stream().filter(d -> d.body().equals(type.name()))
                .sorted(java.util.Comparator.comparing(DapilBallot::dapilCode))
                .map(BallotStructures::view).toList();
    }

    private static LegislativeDapil view(DapilBallot d) {
        return new LegislativeDapil(d.body(), d.dapilCode(), d.dapilName(), d.seats(), d.dctVersion(),
                d.regionCodes(), d.parties().stream().map(p -> new LegislativeDapil.Party(p.partyId(),
                p.ballotNumber(), p.partyName(), candidates(p))).toList());
    }

    private static List<LegislativeDapil.Candidate> candidates(DapilBallot.Party p) {
        if (p.list() != null && !p.list().isEmpty()) {
            return p.list().stream().map(c -> new LegislativeDapil.Candidate(c.number(), c.name(),
                    "P".equalsIgnoreCase(c.gender()))).toList();
        }
        List<LegislativeDapil.Candidate> numbered = new java.util.ArrayList<>();
        for (int n = 1; n <= p.candidates(); n++) {
            numbered.add(new LegislativeDapil.Candidate(n, "Calon nomor " + n, false));
        }
        return numbered;
    }

    /** Is there a newer-or-equal DCT stored for this dapil? (for tests and diagnostics) */
    public boolean knows(String body, String dapilCode) {
        return mongo.exists(new Query(Criteria.where("_id").is(body + "|" + dapilCode)), DapilBallot.class);
    }

    private static DomainException notOpen(String detail) {
        return new DomainException(DomainException.Kind.CONFLICT, "Surat suara belum siap", detail);
    }
}
