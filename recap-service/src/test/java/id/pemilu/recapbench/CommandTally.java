package id.pemilu.recapbench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * BENCH_COMMAND_STATS=1: what the service sends its store, per command and collection — commands, documents in
 * their payloads, and sub-documents nested in those (each one a map the store decodes). Printed when the server
 * stops. Diagnostic only: walking every command costs CPU, so figures of such a run are not throughput figures.
 */
@Configuration
class CommandTally {

    private static final Map<String, LongAdder[]> TALLY = new ConcurrentHashMap<>();
    /** BENCH_COMMAND_SAMPLE=FILE: the BSON bytes of the first result inserted, for a closer look. */
    private static final String SAMPLE = System.getenv("BENCH_COMMAND_SAMPLE");
    private static final java.util.concurrent.atomic.AtomicBoolean SAMPLED = new java.util.concurrent.atomic.AtomicBoolean();

    @Bean
    MongoClientSettingsBuilderCustomizer benchCommandTally() {
        Runtime.getRuntime().addShutdownHook(new Thread(CommandTally::print));
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                String name = event.getCommandName();
                BsonValue target = command.get(name);
                String key = name + " " + (target != null && target.isString() ? target.asString().getValue() : "");
                long documents = 0;
                for (String payload : new String[] {"documents", "updates", "deletes"}) {
                    BsonValue value = command.get(payload);
                    if (value != null && value.isArray()) {
                        documents += value.asArray().size();
                        if (SAMPLE != null && key.equals("insert tps_results") && !SAMPLED.getAndSet(true)) {
                            try {
                                org.bson.ByteBuf bytes = new org.bson.RawBsonDocument(value.asArray().get(0)
                                        .asDocument(), new org.bson.codecs.BsonDocumentCodec()).getByteBuffer();
                                // the document's own bytes, not the whole backing array
                                java.nio.file.Files.write(java.nio.file.Path.of(SAMPLE), java.util.Arrays.copyOfRange(
                                        bytes.array(), bytes.arrayOffset() + bytes.position(),
                                        bytes.arrayOffset() + bytes.limit()));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                }
                long[] counts = new long[2];
                count(command, counts);
                LongAdder[] row = TALLY.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder(),
                        new LongAdder(), new LongAdder()});
                row[0].increment();
                row[1].add(documents);
                row[2].add(counts[0]);
                row[3].add(counts[1]);
            }
        });
    }

    /** counts[0]: documents and arrays (each a map the store decodes); counts[1]: their entries */
    private static void count(BsonValue value, long[] counts) {
        if (value.isDocument()) {
            counts[0]++;
            counts[1] += value.asDocument().size();
            for (BsonValue v : value.asDocument().values()) {
                count(v, counts);
            }
        } else if (value instanceof BsonArray array) {
            counts[0]++;
            counts[1] += array.size();
            for (BsonValue v : array) {
                count(v, counts);
            }
        }
    }

    private static void print() {
        System.out.println("store commands (command collection: commands, payload documents, maps (documents and arrays), "
                + "their entries):");
        TALLY.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[3].sum(), a.getValue()[3].sum()))
                .forEach(e -> System.out.printf("  %-40s %10d %12d %14d %14d%n", e.getKey(), e.getValue()[0].sum(),
                        e.getValue()[1].sum(), e.getValue()[2].sum(), e.getValue()[3].sum()));
    }
}
