package id.pemilu.partyregistry.citizen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param perClientPerMinute lookups one client (address) may make per minute
 * @param perNikPerHour      lookups of one NIK per hour, whoever asks
 * @param responseFloor      every answer takes at least this long, so found and not found cannot be told apart
 */
@ConfigurationProperties("pemilu.nik-check")
public record NikCheckProperties(int perClientPerMinute, int perNikPerHour, Duration responseFloor) {
}
