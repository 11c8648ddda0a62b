package id.pemilu.partyregistry.citizen;

import id.pemilu.common.web.ApiProblem;
import id.pemilu.common.web.RateLimiter;
import id.pemilu.partyregistry.member.NikCheck;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every anonymous citizen request goes through: input shape, rate limits per client and per NIK, the lookup log
 * and the response-time floor.
 */
@Component
class CitizenGuard {

    static final String LOG = "nik_check_log";

    private final NikCheckProperties properties;
    private final MongoTemplate mongo;
    private final RateLimiter perClient;
    private final RateLimiter perNik;

    CitizenGuard(NikCheckProperties properties, MongoTemplate mongo, Clock clock) {
        this.properties = properties;
        this.mongo = mongo;
        this.perClient = new RateLimiter(properties.perClientPerMinute(), Duration.ofMinutes(1).toMillis(), clock);
        this.perNik = new RateLimiter(properties.perNikPerHour(), Duration.ofHours(1).toMillis(), clock);
    }

    static String validNik(String nik) {
        String clean = nik == null ? "" : nik.strip();
        if (!NikCheck.wellFormed(clean)) {
            throw new IllegalArgumentException("NIK harus 16 angka.");
        }
        return clean;
    }

    static String validName(String fullName) {
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            throw new IllegalArgumentException("Nama lengkap sesuai KTP wajib diisi.");
        }
        return fullName;
    }

    /**
     * The caller's address: the LAST X-Forwarded-For entry, the one our gateway (or the voter portal) appended;
     * earlier entries are written by the caller and could be forged to dodge the limit. Else the socket address.
     */
    static String client(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }

    void admit(String client, String nikHash, String kind) {
        boolean clientOk = perClient.tryAcquire(client);
        boolean nikOk = perNik.tryAcquire(nikHash);
        if (!clientOk || !nikOk) {
            log(client, nikHash, kind, "RATE_LIMITED");
            long wait = !clientOk ? perClient.secondsToNextWindow(client) : perNik.secondsToNextWindow(nikHash);
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Terlalu banyak permintaan",
                    "Terlalu banyak pemeriksaan. Coba lagi dalam " + wait + " detik.", Map.of("retryAfter", wait));
        }
    }

    void log(String client, String nikHash, String kind, String result) {
        mongo.insert(new Document("at", Instant.now()).append("client", client).append("nikHash", nikHash)
                .append("kind", kind).append("result", result), LOG);
    }

    /** Sleeps until {@code started + floor}: the answer leaves at the same moment, found or not. */
    void holdUntilFloor(long startedNanos) {
        long left = properties.responseFloor().toNanos() - (System.nanoTime() - startedNanos);
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
