package id.pemilu.desk.registry;

import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.kpu.KpuPublicApi;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClientException;

/**
 * Keeps the desk's copy of the TPS registry. The registry belongs to recap-service (generated there or imported
 * from KPU's CSV), so the desk reads it from recap-service's public API — region tree, then each desa's TPS, then
 * each new TPS's DPT — and stores it in its own {@code tps} collection: after a restart the desk works even while
 * recap-service is down. Read again every {@code registry-refresh}; until the first success every
 * {@code registry-retry}.
 */
public class RegistrySync {

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

    private final TpsDirectory directory;
    private final KpuPublicApi kpu;
    private final MongoTemplate mongo;
    private final DeskProperties properties;
    private final Clock clock;
    private volatile Instant nextSync = Instant.EPOCH;
    private volatile boolean synced;

    RegistrySync(TpsDirectory directory, KpuPublicApi kpu, MongoTemplate mongo, DeskProperties properties,
                 Clock clock) {
        this.directory = directory;
        this.kpu = kpu;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Loads the stored copy (if any) so the desk can answer before recap-service does. */
    void loadStored() {
        Map<String, Integer> stored = new LinkedHashMap<>();
        mongo.findAll(StoredTps.class).forEach(t -> stored.put(t.code(), t.dpt()));
        directory.putAll(stored);
        if (!stored.isEmpty()) {
            directory.markLoaded();
            log.info("TPS registry: {} TPS loaded from the desk's store", stored.size());
        }
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 0)
    void tick() {
        if (clock.instant().isBefore(nextSync)) {
            return;
        }
        try {
            int added = syncNow();
            synced = true;
            nextSync = clock.instant().plus(properties.registryRefresh());
            if (added > 0) {
                log.info("TPS registry: {} new TPS read from recap-service ({} in total)", added, directory.size());
            }
        } catch (RestClientException e) {
            nextSync = clock.instant().plus(properties.registryRetry());
            log.warn("TPS registry: recap-service not readable yet ({}); retry in {}", e.getMessage(),
                    properties.registryRetry());
        }
    }

    /** Reads the registry of the desk's region from recap-service; returns the number of TPS added. */
    public synchronized int syncNow() {
        Map<String, Integer> added = new LinkedHashMap<>();
        walk(properties.region(), added);
        if (!added.isEmpty()) {
            List<StoredTps> docs = added.entrySet().stream().map(e -> new StoredTps(e.getKey(), e.getValue())).toList();
            docs.forEach(mongo::save);
            directory.putAll(added);
        }
        directory.markLoaded();
        return added.size();
    }

    private void walk(String region, Map<String, Integer> added) {
        KpuPublicApi.RegionNode node = kpu.regions(region);
        if ("DESA".equals(node.level())) {
            for (KpuPublicApi.Row row : kpu.download(region, "PPWP")) {
                String tps = row.code();
                if (!directory.contains(tps)) {
                    added.put(TpsDirectory.checkTps(tps), kpu.dpt(tps));
                }
            }
            return;
        }
        for (String child : node.children()) {
            walk(child, added);
        }
    }

    public boolean synced() {
        return synced;
    }
}
