package id.pemilu.common.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections    Mongo collections whose documents carry an {@code outbox} field
 * @param pollInterval   how often the relay looks at documents it was told about
 * @param sweepInterval  how often the relay scans every collection, a safety net (at start it catches what a crash
 *                       left; hinted documents and those the broker did not take are retried without a scan)
 * @param batchSize      documents per scan
 * @param confirmTimeout how long to wait for the broker's confirm before retrying later
 */
@ConfigurationProperties("pemilu.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration sweepInterval,
                               Integer batchSize, Duration confirmTimeout) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(10) : confirmTimeout;
    }
}
