package id.pemilu.recap.translog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A batch of entries is appended as the same entries one by one would be: same tree, ids, pointers and size. */
class BatchAppendTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void oneBatchGivesWhatOneByOneGivesAndSkipsWhatIsHeld() {
        TransparencyLog batched = new TransparencyLog(new MongoTemplate(client, "batched"));
        TransparencyLog single = new TransparencyLog(new MongoTemplate(client, "single"));
        List<PendingEntry> entries = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            entries.add(new PendingEntry("e" + i, i % 5 == 0 ? null : "tps/" + (i % 4), "{\"n\":" + i + "}"));
        }
        entries.add(new PendingEntry("e3", "tps/3", "{\"n\":3}")); // the same entry twice in one batch

        assertThat(batched.append(entries.subList(0, 20))).isEqualTo(20);
        assertThat(batched.append(entries)).as("held ids and the repeat are skipped").isEqualTo(17);
        for (PendingEntry entry : entries) {
            single.append(List.of(entry));
        }

        assertThat(batched.size()).isEqualTo(37).isEqualTo(single.size());
        for (long size = 1; size <= 37; size++) {
            assertThat(batched.root(size)).isEqualTo(single.root(size));
        }
        assertThat(batched.all("tps/1")).isEqualTo(single.all("tps/1")).hasSize(7);
        assertThat(batched.latest("tps/2")).isEqualTo(single.latest("tps/2"));
        assertThat(batched.contains("e36")).isTrue();
        assertThat(batched.entries(0, 37)).extracting(TransparencyLog.Stored::entryId)
                .isEqualTo(single.entries(0, 37).stream().map(TransparencyLog.Stored::entryId).toList());

        TransparencyLog reopened = new TransparencyLog(new MongoTemplate(client, "batched"));
        assertThat(reopened.size()).isEqualTo(37);
        assertThat(reopened.root(37)).isEqualTo(single.root(37));
        Document hint = new MongoTemplate(client, "batched").findById("size", Document.class, TransparencyLog.META);
        assertThat(hint.get("value", Number.class).longValue()).isEqualTo(37);
        assertThat(new String(batched.entry(5).orElseThrow().data().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).isEqualTo("{\"n\":5}");
    }

    /** A crash after an entry's id was written and before the entry: the id is not taken as held later. */
    @Test
    void anIdLeftByACrashIsNotHeldOnceAnotherEntryTookItsIndex() {
        MongoTemplate mongo = new MongoTemplate(client, "crashed");
        TransparencyLog log = new TransparencyLog(mongo);
        log.append(List.of(new PendingEntry("a", "tps/1", "{\"n\":1}")));
        mongo.save(new Document("_id", "lost").append("index", 1L), TransparencyLog.IDS); // its entry never stored

        TransparencyLog restarted = new TransparencyLog(mongo);
        assertThat(restarted.contains("lost")).isFalse();
        assertThat(restarted.append(List.of(new PendingEntry("f", "tps/2", "{\"n\":2}")))).isEqualTo(1);
        assertThat(restarted.contains("lost")).as("index 1 holds f now").isFalse();
        assertThat(restarted.append(List.of(new PendingEntry("lost", "tps/3", "{\"n\":3}")))).isEqualTo(1);
        assertThat(restarted.contains("lost")).isTrue();
        assertThat(restarted.entries(0, 3)).extracting(TransparencyLog.Stored::entryId).containsExactly("a", "f", "lost");
    }
}
