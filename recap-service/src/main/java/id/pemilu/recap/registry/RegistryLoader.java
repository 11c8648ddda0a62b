package id.pemilu.recap.registry;

import id.pemilu.recap.RecapProperties;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Fills the registry: at startup it loads the stored registry into memory, or, if none is stored, imports the
 * configured CSV or generates the configured region (kecamatan Gambir by default). Also imports CSV on request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RegistryLoader {

    private static final Logger log = LoggerFactory.getLogger(RegistryLoader.class);
    private static final int BATCH = 5_000;

    private final MongoTemplate mongo;
    private final TpsRegistry registry;
    private final RecapProperties properties;

    RegistryLoader(MongoTemplate mongo, TpsRegistry registry, RecapProperties properties) {
        this.mongo = mongo;
        this.registry = registry;
        this.properties = properties;
    }

    /** Loads or seeds the registry; called once at startup before the service takes requests. */
    public void loadOrSeed() throws Exception {
        long started = System.currentTimeMillis();
        loadStored();
        if (registry.size() == 0) {
            if (properties.registryCsv() != null && !properties.registryCsv().isBlank()) {
                try (BufferedReader reader = Files.newBufferedReader(Path.of(properties.registryCsv()),
                        StandardCharsets.UTF_8)) {
                    importCsv(reader);
                }
            } else if (!properties.seedRegion().isBlank()) {
                generate(properties.seedRegion());
            }
        }
        log.info("TPS registry: {} TPS ready in {} ms", registry.size(), System.currentTimeMillis() - started);
    }

    /** Generates the deterministic registry of a region into an empty registry; returns the number of TPS. */
    public int generate(String regionCode) {
        List<Station> batch = new ArrayList<>(BATCH);
        int[] count = {0};
        RegistryGenerator.generate(regionCode, station -> {
            batch.add(station);
            if (batch.size() == BATCH) {
                insert(batch);
                count[0] += batch.size();
                batch.clear();
            }
        });
        insert(batch);
        return count[0] + batch.size();
    }

    private void insert(List<Station> stations) {
        if (stations.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(stations.size());
        for (Station s : stations) {
            documents.add(new Document("_id", s.code().value()).append("dptMen", s.dptMen())
                    .append("dptWomen", s.dptWomen()));
        }
        mongo.getCollection("tps").insertMany(documents);
        registry.put(stations);
    }

    /** Imports a registry CSV ({@link RegistryCsv#HEADER}); all lines are checked before anything is stored. */
    public int importCsv(BufferedReader reader) {
        List<Station> all = new ArrayList<>();
        RegistryCsv.read(reader, all::add);
        for (int from = 0; from < all.size(); from += BATCH) {
            store(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return all.size();
    }

    private void store(Collection<Station> stations) {
        if (stations.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StationDocument.class);
        for (Station s : stations) {
            bulk.upsert(new Query(Criteria.where("_id").is(s.code().value())),
                    new Update().set("dptMen", s.dptMen()).set("dptWomen", s.dptWomen()));
        }
        bulk.execute();
        registry.put(stations);
    }

    private void loadStored() {
        List<Station> batch = new ArrayList<>(BATCH);
        try (var stream = mongo.stream(new Query().cursorBatchSize(BATCH), Document.class, "tps")) {
            stream.forEach(d -> {
                batch.add(new Station(new id.pemilu.recap.registry.TpsCode(d.getString("_id")),
                        d.getInteger("dptMen", 0), d.getInteger("dptWomen", 0)));
                if (batch.size() == BATCH) {
                    registry.put(batch);
                    batch.clear();
                }
            });
        }
        registry.put(batch);
    }
}
