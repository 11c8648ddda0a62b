package id.pemilu.recap.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.web.RateLimiter;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.result.TpsAccess;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.storage.DurableWrites;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Citizens' and witnesses' reports per TPS: rate-limited per client, deduplicated per TPS + reason (counts kept),
 * listed for the PPK/KPU covering the TPS and for Bawaslu, closed by PPK/KPU with a reason. A report never changes a
 * result: this class does not know the results at all.
 */
@Service
public class TpsReports {

    private final MongoTemplate mongo;
    private final TpsAccess access;
    private final DurableWrites durable;
    private final RateLimiter perClient;
    private final Clock clock = Clock.systemUTC();
    private final byte[] salt;

    TpsReports(MongoTemplate mongo, TpsAccess access, DurableWrites durable,
               @Value("${pemilu.recap.reports.per-client-per-minute:${RECAP_REPORTS_PER_MINUTE:5}}") int perMinute,
               @Value("${pemilu.recap.reports.salt:${RECAP_REPORTS_SALT:}}") String salt) {
        this.mongo = mongo;
        this.access = access;
        this.durable = durable;
        this.perClient = new RateLimiter(perMinute, Duration.ofMinutes(1).toMillis(), clock);
        if (salt == null || salt.isBlank()) {
            this.salt = new byte[32];
            new SecureRandom().nextBytes(this.salt);
        } else {
            this.salt = salt.getBytes(StandardCharsets.UTF_8);
        }
    }

    record Receipt(String tpsCode, String reason, String status, int count, boolean deduplicated) {
    }

    public record OpenCount(String reason, String label, int count) {
    }

    public record OpenReports(int total, List<OpenCount> byReason) {
    }

    Receipt report(TpsCode tps, ReportInput.Valid input, String client) {
        access.station(tps); // 404 for an unknown TPS, before the limit is charged
        if (!perClient.tryAcquire(client)) {
            long wait = perClient.secondsToNextWindow(client);
            throw new DomainException(DomainException.Kind.LIMIT_REACHED, "Terlalu banyak laporan",
                    "Terlalu banyak laporan dari alamat Anda. Coba lagi dalam " + wait + " detik.",
                    Map.of("retryAfter", wait));
        }
        String reporter = reporterKey(client);
        String ballot = input.ballotType() == null ? null : input.ballotType().name();
        for (int attempt = 0; attempt < 10; attempt++) {
            TpsReport report = mongo.findById(TpsReport.id(tps.value(), input.reason()), TpsReport.class);
            if (report == null) {
                report = new TpsReport(tps.value(), input.reason());
            }
            boolean joined = report.add(reporter, ballot, input.field(), input.text(), clock.instant());
            try {
                mongo.save(report);
                durable.await();
                return new Receipt(tps.value(), input.reason().name(), "open", report.getCount(), joined);
            } catch (OptimisticLockingFailureException | org.springframework.dao.DuplicateKeyException concurrent) {
                // another report of the same TPS + reason was counted meanwhile: count again on the fresh document
            }
        }
        throw new DomainException(DomainException.Kind.UNAVAILABLE, "Sibuk", "Layanan sedang sibuk; coba lagi.");
    }

    /** The public count: open reports of a TPS by reason (four reads by id). */
    public OpenReports openReports(TpsCode tps) {
        List<OpenCount> counts = new ArrayList<>();
        int total = 0;
        for (ReportReason reason : ReportReason.values()) {
            TpsReport report = mongo.findById(TpsReport.id(tps.value(), reason), TpsReport.class);
            int count = report == null ? 0 : report.getCount();
            if (count > 0) {
                counts.add(new OpenCount(reason.name(), reason.label(), count));
                total += count;
            }
        }
        return new OpenReports(total, counts);
    }

    /** Open reports per TPS under a region (one range read; no access check: callers check the region first). */
    public java.util.Map<String, Integer> openCountsUnder(String region) {
        Query query = new Query();
        if (!TpsRegistry.NATIONAL.equals(region)) {
            query.addCriteria(where("_id").gte(region + ".").lt(region + ".~"));
        }
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (TpsReport r : mongo.find(query, TpsReport.class)) {
            if (r.open()) {
                out.merge(r.getTpsCode(), r.getCount(), Integer::sum);
            }
        }
        return out;
    }

    /** The queue of a region: PPK/KPU whose region covers it, Bawaslu likewise (read-only); newest first. */
    List<TpsReport> queue(Caller caller, String region, boolean includeClosed, int limit) {
        boolean staff = TpsAccess.REGION_OR_BAWASLU.stream().anyMatch(caller::hasRole);
        if (!staff || !caller.coversRegion(region)) {
            throw DomainException.notPermitted("Wilayah " + region + " berada di luar wilayah Anda.");
        }
        Query query = new Query();
        if (!TpsRegistry.NATIONAL.equals(region)) {
            query.addCriteria(where("_id").gte(region + ".").lt(region + ".~"));
        }
        return mongo.find(query, TpsReport.class).stream()
                .filter(r -> includeClosed || r.open())
                .sorted(Comparator.comparing((TpsReport r) -> r.getLastAt() == null ? Instant.EPOCH : r.getLastAt())
                        .reversed())
                .limit(limit).toList();
    }

    List<TpsReport> ofTps(Caller caller, TpsCode tps) {
        access.station(tps);
        access.requireCanRead(caller, tps);
        if (caller.hasRole(Roles.KPPS)) {
            throw DomainException.notPermitted("Laporan warga dibaca oleh PPK, KPU dan Bawaslu.");
        }
        List<TpsReport> list = new ArrayList<>();
        for (ReportReason reason : ReportReason.values()) {
            TpsReport report = mongo.findById(TpsReport.id(tps.value(), reason), TpsReport.class);
            if (report != null) {
                list.add(report);
            }
        }
        return list;
    }

    /** PPK/KPU covering the TPS closes the open case of a reason, with a written reason; results stay as they are. */
    TpsReport close(Caller caller, TpsCode tps, ReportReason reason, String why) {
        access.station(tps);
        String role = access.requireRegionOfficer(caller, tps);
        String clean = why == null ? "" : why.strip();
        if (clean.isEmpty() || clean.length() > ReportInput.MAX_TEXT || clean.codePoints().anyMatch(ReportInput::forbidden)) {
            throw new IllegalArgumentException("Alasan penutupan wajib diisi (paling banyak " + ReportInput.MAX_TEXT
                    + " karakter, tanpa karakter kendali).");
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            TpsReport report = mongo.findById(TpsReport.id(tps.value(), reason), TpsReport.class);
            if (report == null || !report.open()) {
                throw DomainException.conflict("Tidak ada laporan terbuka untuk TPS " + tps + " dengan alasan "
                        + reason.name() + ".");
            }
            report.close(caller.username(), role, clean, clock.instant());
            try {
                mongo.save(report);
                durable.await();
                return report;
            } catch (OptimisticLockingFailureException concurrent) {
                // a report arrived meanwhile: close the case including it
            }
        }
        throw new DomainException(DomainException.Kind.UNAVAILABLE, "Sibuk", "Layanan sedang sibuk; coba lagi.");
    }

    /** Reporters are told apart by a keyed hash of their address; the address itself is not stored. */
    private String reporterKey(String client) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(client.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
