package id.pemilu.partyregistry.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Drawn factual-verification samples, kept with their seeds so anyone can re-draw them. */
@Repository
class FactualSamples {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MongoTemplate mongo;
    private final Members members;
    private final MemberImports imports;

    FactualSamples(MongoTemplate mongo, Members members, MemberImports imports) {
        this.mongo = mongo;
        this.members = members;
        this.imports = imports;
    }

    /** Members eligible for the factual check: visible and MS after administrative verification. */
    List<String> population(String partyId, String kabKotaCode) {
        Set<String> completed = imports.completedIds();
        List<String> ids = new ArrayList<>();
        members.forEachOfParty(partyId, p -> p.membership(partyId).filter(m -> m.visible(completed)
                        && m.getKabKotaCode().equals(kabKotaCode) && m.getStatus() == MemberStatus.MS)
                .ifPresent(m -> ids.add(p.getId())));
        return ids;
    }

    FactualSample draw(String partyId, String kabKotaCode, String seed, Integer size, Caller caller) {
        boolean allowed = caller.hasRole(Roles.KPU_RI)
                || (caller.hasRole(Roles.KPU_KABKOTA) && caller.coversRegion(kabKotaCode));
        if (!allowed) {
            throw DomainException.notPermitted("Sampel verifikasi faktual diundi oleh KPU kab/kota yang bersangkutan.");
        }
        String usedSeed = seed == null || seed.isBlank() ? HexFormat.of().formatHex(RANDOM.generateSeed(16)) : seed;
        List<String> population = population(partyId, kabKotaCode);
        if (population.isEmpty()) {
            throw DomainException.conflict("Belum ada anggota MS di " + kabKotaCode + " untuk diundi.");
        }
        int n = size == null ? FactualSample.defaultSize(population.size()) : Math.min(size, population.size());
        FactualSample sample = new FactualSample(partyId + ":" + kabKotaCode + ":" + usedSeed, partyId, kabKotaCode,
                usedSeed, n, population.size(), FactualSample.draw(usedSeed, population, n), caller.username(),
                Instant.now());
        return mongo.save(sample, "factual_samples");
    }

    List<FactualSample> ofParty(String partyId) {
        return mongo.find(Query.query(where("partyId").is(partyId)).with(Sort.by("drawnAt")), FactualSample.class,
                "factual_samples");
    }
}
