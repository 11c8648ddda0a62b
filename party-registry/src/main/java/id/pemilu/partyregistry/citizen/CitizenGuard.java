package id.pemilu.partyregistry.citizen;

import id.pemilu.common.nik.NikRules;
import id.pemilu.common.text.Names;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.web.ClientAddress;
import id.pemilu.common.web.ProblemAdvice;
import id.pemilu.common.web.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    private final ClientAddress clients;

    CitizenGuard(NikCheckProperties properties, MongoTemplate mongo, Clock clock, ClientAddress clients) {
        this.properties = properties;
        this.clients = clients;
        this.mongo = mongo;
        this.perClient = new RateLimiter(properties.perClientPerMinute(), Duration.ofMinutes(1).toMillis(), clock);
        this.perNik = new RateLimiter(properties.perNikPerHour(), Duration.ofHours(1).toMillis(), clock);
    }

    /** A NIK a person can have (16 digits, a real kecamatan, a real birth date, serial from 0001), else 400. */
    static String validNik(String nik) {
        String clean = nik == null ? "" : nik.strip();
        NikRules.impossible(clean).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return clean;
    }

    static String validName(String fullName) {
        return Names.check(fullName, "Nama lengkap sesuai KTP", Names.PERSON_MAX);
    }

    /** The caller's address: the one the gateway wrote, believed only with its key (else the socket address). */
    String client(HttpServletRequest request) {
        return clients.of(request);
    }

    void admit(String client, String nikHash, String kind) {
        boolean clientOk = perClient.tryAcquire(client);
        boolean nikOk = perNik.tryAcquire(nikHash);
        if (!clientOk || !nikOk) {
            log(client, nikHash, kind, "RATE_LIMITED");
            long wait = !clientOk ? perClient.secondsToNextWindow(client) : perNik.secondsToNextWindow(nikHash);
            throw new DomainException(DomainException.Kind.LIMIT_REACHED, "Terlalu banyak permintaan",
                    "Terlalu banyak pemeriksaan. Coba lagi dalam " + wait + " detik.", Map.of(ProblemAdvice.RETRY_AFTER, wait));
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
