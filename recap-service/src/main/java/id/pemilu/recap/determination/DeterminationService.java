package id.pemilu.recap.determination;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.recap.ballot.LegislativeDapil;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.storage.DurableWrites;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Calculates the penetapan of a contest from the D.Hasil ({@link DHasilTallies}) and publishes it (KPU RI) as a new version. */
@Service
public class DeterminationService {

    static final String COLLECTION = "determinations";

    private final ContestInputs inputs;
    private final DeterminationRules rules;
    private final DeterminationProperties properties;
    private final MongoTemplate mongo;
    private final DurableWrites durable;
    private final ObjectProvider<OutboxRelay> relay;
    private final JsonMapper json = JsonMapper.builder().build();

    DeterminationService(ContestInputs inputs, DHasilTallies finalized, DeterminationRules rules,
                         DeterminationProperties properties, MongoTemplate mongo, DurableWrites durable,
                         ObjectProvider<OutboxRelay> relay) {
        this.inputs = inputs.using(finalized);
        this.rules = rules;
        this.properties = properties;
        this.mongo = mongo;
        this.durable = durable;
        this.relay = relay;
    }

    /** The determination the numbers give now (not published). */
    public Determination calculate(BallotType type, String region) {
        String code = checkRegion(type, region);
        String name = inputs.regionName(code);
        return switch (type) {
            case PPWP -> {
                ContestInputs.Presidential p = inputs.presidential();
                yield rules.presidential(name, p.pairs(), p.provinces(), p.provinces().size());
            }
            case DPR -> rules.legislative(type.name(), code, name, dapils(type, code),
                    properties.thresholdPercent(), inputs.nationalParties(type));
            case DPRD_PROVINSI, DPRD_KABKOTA -> rules.legislative(type.name(), code, name, dapils(type, code), null,
                    List.of());
            case DPD -> rules.dpd(code, name, inputs.candidates(type, code));
            case PILKADA_GUBERNUR, PILKADA_BUPATI -> rules.pilkada(type.name(), code, name,
                    inputs.candidates(type, code), properties.pilkadaMajority().get(code));
        };
    }

    /** Which numbers the determination of this contest used (the contest's region and the regions below it). */
    private String source(BallotType type, String code) {
        List<String> regions = new java.util.ArrayList<>(inputs.childrenOf(code));
        regions.add(code);
        return inputs.tallies().source(type, regions);
    }

    private List<DapilInput> dapils(BallotType type, String code) {
        List<LegislativeDapil> dapils = inputs.dapils(type, code);
        if (dapils.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "DCT belum ada",
                    "Belum ada DCT " + type + " untuk wilayah " + code + "; penetapan belum dapat dihitung.");
        }
        return dapils.stream().map(d -> inputs.dapil(type, d)).toList();
    }

    /** KPU RI publishes the determination as it stands now: a new version, with ResultsDetermined. */
    public synchronized Published publish(Caller caller, BallotType type, String region, String reason) {
        if (!caller.hasRole(Roles.KPU_RI)) {
            throw DomainException.notPermitted("Hanya KPU RI yang menetapkan hasil pemilu.");
        }
        Determination d = calculate(type, region);
        if (Determination.NO_VOTES.equals(d.status())) {
            throw DomainException.conflict("Belum ada suara sah yang dihitung untuk " + type + " " + d.regionCode()
                    + "; tidak ada yang dapat ditetapkan.");
        }
        int version = latest(type, d.regionCode()).map(p -> p.getVersion() + 1).orElse(1);
        String calculation = json.writeValueAsString(d);
        PublishedDetermination doc = PublishedDetermination.of(d, version, source(type, d.regionCode()),
                caller.username(), Roles.KPU_RI, reason, calculation, sha256(calculation), Instant.now());
        try {
            mongo.insert(doc);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("Penetapan versi " + version
                    + " baru saja diterbitkan; muat ulang lalu coba lagi.");
        }
        durable.await();
        OutboxRelay outbox = relay.getIfAvailable();
        if (outbox != null) {
            outbox.publishSoon(COLLECTION, doc.getId());
        }
        return view(doc);
    }

    public Optional<Published> find(BallotType type, String region, Integer version) {
        String code = checkRegion(type, region);
        if (version == null) {
            return latest(type, code).map(this::view);
        }
        return Optional.ofNullable(mongo.findById(PublishedDetermination.idOf(type.name(), code, version),
                PublishedDetermination.class)).map(this::view);
    }

    /** The calculation exactly as published (the bytes its SHA-256 covers). */
    public Optional<String> calculation(BallotType type, String region, Integer version) {
        String code = checkRegion(type, region);
        Optional<PublishedDetermination> doc = version == null ? latest(type, code)
                : Optional.ofNullable(mongo.findById(PublishedDetermination.idOf(type.name(), code, version),
                PublishedDetermination.class));
        return doc.map(PublishedDetermination::getCalculation);
    }

    private Optional<PublishedDetermination> latest(BallotType type, String code) {
        Query q = new Query(where("ballotType").is(type.name()).and("regionCode").is(code))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1);
        return Optional.ofNullable(mongo.findOne(q, PublishedDetermination.class));
    }

    /**
     * A determination as served: the published calculation, its SHA-256 (over {@code .../calculation}), the source
     * of the numbers, who (by role) published it and when.
     */
    public record Published(String ballotType, String regionCode, int version, String source, String publishedBy,
                            Instant publishedAt, String reason, String sha256, String calculationUrl,
                            Determination determination) {
    }

    private Published view(PublishedDetermination p) {
        Determination d = json.readValue(p.getCalculation(), Determination.class);
        return new Published(p.getBallotType(), p.getRegionCode(), p.getVersion(), p.getSource(),
                p.getPublishedRole(), p.getPublishedAt(), p.getReason(), p.getSha256(),
                "/api/recap/public/determinations/calculation?ballotType=" + p.getBallotType() + "&region="
                        + p.getRegionCode() + "&version=" + p.getVersion(), d);
    }

    /** The contest's region: {@code ID} for PPWP and DPR, a province or kab/kota for the others. */
    static String checkRegion(BallotType type, String region) {
        String code = region == null || region.isBlank() ? TpsRegistry.NATIONAL : region.trim();
        boolean ok = switch (type) {
            case PPWP, DPR -> TpsRegistry.NATIONAL.equals(code);
            case DPD, DPRD_PROVINSI, PILKADA_GUBERNUR -> code.matches("\\d{2}");
            case DPRD_KABKOTA, PILKADA_BUPATI -> code.matches("\\d{2}\\.\\d{2}");
        };
        if (!ok) {
            throw new IllegalArgumentException(switch (type) {
                case PPWP, DPR -> type + " ditetapkan secara nasional (wilayah ID).";
                case DPD, DPRD_PROVINSI, PILKADA_GUBERNUR -> type + " ditetapkan per provinsi (mis. 31).";
                case DPRD_KABKOTA, PILKADA_BUPATI -> type + " ditetapkan per kabupaten/kota (mis. 31.71).";
            });
        }
        if (!TpsRegistry.NATIONAL.equals(code) && id.pemilu.common.wilayah.Wilayah.indonesia().find(code).isEmpty()) {
            throw DomainException.notFound("Wilayah " + code + " tidak dikenal.");
        }
        return code;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
