package id.pemilu.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits for anonymous (citizen) API calls, per client address.
 *
 * @param perSecond sustained calls per second
 * @param burst     calls allowed at once after a quiet period
 */
@ConfigurationProperties("pemilu.gateway.public-rate-limit")
public record RateLimitProperties(double perSecond, int burst) {

    public RateLimitProperties {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("public-rate-limit per-second and burst must be positive");
        }
    }
}
