package id.pemilu.recap.recommendation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.tier.Tier;
import id.pemilu.recap.storage.DurableWrites;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Bawaslu recommendations: Bawaslu (national, or its region) records one on a TPS or a region's session; the tier
 * responsible (PPK of the TPS's kecamatan, or the officer of the region's tier) answers it with a reason; until then
 * that tier's D.Hasil of the ballot cannot be finalized ({@link #openFor}). Officers and Bawaslu read them in scope.
 */
@Service
public class RecommendationService {

    private final MongoTemplate mongo;
    private final TpsRegistry registry;
    private final DurableWrites durable;

    RecommendationService(MongoTemplate mongo, TpsRegistry registry, DurableWrites durable) {
        this.mongo = mongo;
        this.registry = registry;
        this.durable = durable;
    }

    public record NewRecommendation(String target, String ballotType, String kind, String reason) {
    }

    public record AnswerCommand(String decision, String reason) {
    }

    public Recommendation record(Caller caller, NewRecommendation command) {
        if (!caller.hasRole(Roles.BAWASLU)) {
            throw DomainException.notPermitted("Hanya Bawaslu yang mencatat rekomendasi.");
        }
        String target = command.target() == null ? "" : command.target().trim();
        BallotType type = BallotType.parse(command.ballotType() == null ? "" : command.ballotType());
        RecommendationKind kind = RecommendationKind.parse(command.kind());
        String reason = command.reason() == null ? "" : command.reason().trim();
        if (reason.length() < 10) {
            throw new IllegalArgumentException("Rekomendasi wajib disertai uraian (paling sedikit 10 karakter).");
        }
        if (reason.length() > 2000) {
            throw new IllegalArgumentException("Uraian rekomendasi paling banyak 2000 karakter.");
        }
        String targetKind;
        String responsible;
        if (target.chars().filter(c -> c == '.').count() == 4) {
            TpsCode tps = new TpsCode(target);
            if (registry.find(tps).isEmpty()) {
                throw DomainException.notFound("TPS " + target + " tidak terdaftar.");
            }
            targetKind = "TPS";
            responsible = tps.desaCode().substring(0, 8);
        } else {
            Tier.of(target);
            targetKind = "REGION";
            responsible = target;
        }
        if (!caller.coversRegion(target)) {
            throw DomainException.notPermitted("Wilayah " + target + " berada di luar wilayah pengawasan Anda.");
        }
        Recommendation r = Recommendation.record("RB-" + UUID.randomUUID().toString().substring(0, 8), target,
                targetKind, type.name(), kind, reason, responsible, caller.username(), Roles.BAWASLU);
        mongo.insert(r);
        durable.await();
        return r;
    }

    public Recommendation answer(Caller caller, String id, AnswerCommand command) {
        if (Arrays.stream(Tier.values()).noneMatch(t -> caller.hasRole(t.officerRole()))) {
            // before the lookup: other roles do not learn which recommendations exist
            throw DomainException.notPermitted("Rekomendasi dijawab oleh PPK atau KPU yang bertanggung jawab.");
        }
        synchronized (this) {
            Recommendation r = find(id);
            Tier tier = Tier.of(r.getResponsibleRegion());
            boolean responsible = caller.hasRole(tier.officerRole())
                    && (tier == Tier.NASIONAL || r.getResponsibleRegion().equals(caller.regionCode()));
            if (!responsible) {
                throw DomainException.notPermitted("Rekomendasi " + id + " dijawab oleh " + tier.officerLabel() + " "
                        + r.getResponsibleRegion() + ".");
            }
            if (!r.isOpen()) {
                throw DomainException.conflict("Rekomendasi " + id + " sudah dijawab.");
            }
            String decision = command.decision() == null ? "" : command.decision().trim();
            if (!decision.equals("accepted") && !decision.equals("rejected")) {
                throw new IllegalArgumentException("Jawaban harus accepted (ditindaklanjuti) atau rejected (ditolak).");
            }
            String reason = command.reason() == null ? "" : command.reason().trim();
            if (reason.length() < 5) {
                throw new IllegalArgumentException("Jawaban atas rekomendasi wajib disertai alasan tertulis.");
            }
            r.answer(decision, reason, caller.username(), tier.officerRole());
            mongo.save(r);
            durable.await();
            return r;
        }
    }

    public Recommendation get(Caller caller, String id) {
        if (!isReader(caller)) {
            throw DomainException.notPermitted("Rekomendasi Bawaslu ini berada di luar wilayah Anda (dibaca oleh Bawaslu, PPK dan KPU).");
        }
        Recommendation r = find(id);
        requireRead(caller, r.getTarget());
        return r;
    }

    /** Recommendations whose target lies in {@code region} (all when ID), newest first; {@code status} open/answered. */
    public List<Recommendation> list(Caller caller, String region, String status) {
        String scope = region == null || region.isBlank() ? defaultScope(caller) : region.trim();
        requireRead(caller, scope);
        Criteria criteria = TpsRegistry.NATIONAL.equals(scope) ? new Criteria()
                : new Criteria().orOperator(where("target").is(scope), where("target").regex("^" + scope.replace(".",
                "\\.") + "\\."));
        if (status != null && !status.isBlank()) {
            criteria = new Criteria().andOperator(criteria, where("status").is(status.trim()));
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "recordedAt")).limit(500),
                Recommendation.class);
    }

    /** Open recommendations that the tier of {@code region} must answer before finalizing its {@code ballotType}. */
    public List<Recommendation> openFor(String ballotType, String region) {
        return mongo.find(new Query(where("responsibleRegion").is(region).and("ballotType").is(ballotType)
                .and("status").is("open")), Recommendation.class);
    }

    /** Open recommendations on one TPS (any ballot). */
    public List<Recommendation> openOnTps(String tpsCode) {
        return mongo.find(new Query(where("target").is(tpsCode).and("status").is("open")), Recommendation.class);
    }

    private Recommendation find(String id) {
        Recommendation r = mongo.findById(id, Recommendation.class);
        if (r == null) {
            throw DomainException.notFound("Rekomendasi " + id + " tidak ada.");
        }
        return r;
    }

    private static String defaultScope(Caller caller) {
        return caller.regionCode() == null || caller.regionCode().isBlank() ? TpsRegistry.NATIONAL
                : caller.regionCode();
    }

    private static boolean isReader(Caller caller) {
        return caller.hasRole(Roles.BAWASLU) || caller.hasRole(Roles.PPK) || caller.hasRole(Roles.KPU_KABKOTA)
                || caller.hasRole(Roles.KPU_PROVINSI) || caller.hasRole(Roles.KPU_RI);
    }

    private static void requireRead(Caller caller, String region) {
        if (!isReader(caller) || !caller.coversRegion(region)) {
            throw DomainException.notPermitted("Rekomendasi Bawaslu di wilayah " + region
                    + " berada di luar wilayah Anda.");
        }
    }
}
