package id.pemilu.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits for anonymous (citizen) API calls, per client address.
 *
 * @param perSecond sustained calls per second (every anonymous API call but the public result reads)
 * @param burst     calls allowed at once after a quiet period
 * @param reads     the public result reads' own, larger bucket
 */
@ConfigurationProperties("pemilu.gateway.public-rate-limit")
public record RateLimitProperties(double perSecond, int burst, Reads reads) {

    public RateLimitProperties {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("public-rate-limit per-second and burst must be positive");
        }
        reads = reads == null ? new Reads(0, 0, null) : reads;
    }

    /**
     * Public result reads: GET/HEAD on these paths, answered from the services' caches.
     *
     * @param perSecond sustained reads per second per address (default 5,000: a carrier-grade NAT address
     *                  shared by thousands of phones on election night)
     * @param burst     reads allowed at once (default twice perSecond)
     * @param paths     path patterns ({@code /api/recap/public/tps/*}, {@code /**} for any depth)
     */
    public record Reads(double perSecond, int burst, List<String> paths) {

        public Reads {
            perSecond = perSecond <= 0 ? 5_000 : perSecond;
            burst = burst <= 0 ? (int) Math.min(Integer.MAX_VALUE, 2 * perSecond) : burst;
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }
}
