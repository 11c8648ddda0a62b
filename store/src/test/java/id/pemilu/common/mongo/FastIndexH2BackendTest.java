package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Date;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastIndexH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void theFileStoreCommitsOnItsOwnAsConfigured() {
        FastIndexH2Backend tuned = FastIndexH2Backend.inFileStore(dir.resolve("tuned.mv"), 16, Set.of(), 64,
                java.time.Duration.ofSeconds(10));
        FastIndexH2Backend plain = FastIndexH2Backend.inFileStore(dir.resolve("plain.mv"), 16);
        try {
            assertThat(tuned.getMvStore().getAutoCommitDelay()).isEqualTo(10_000);
            assertThat(tuned.getMvStore().getAutoCommitMemory()).isEqualTo(64 * 1024 * 1024);
            assertThat(plain.getMvStore().getAutoCommitDelay()).isEqualTo(1_000);
            assertThat(plain.getMvStore().getAutoCommitMemory()).isLessThan(64 * 1024 * 1024);
        } finally {
            tuned.close();
            plain.close();
        }
    }

    @Test
    void commitSettingsOutsideSaneBoundsAreRefused() {
        assertThatThrownBy(() -> new EmbeddedMongoProperties(null, null, null, null, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commit-buffer-mb");
        assertThatThrownBy(() -> new EmbeddedMongoProperties(null, null, null, null, null,
                java.time.Duration.ofMinutes(5), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commit-delay");
        assertThat(new EmbeddedMongoProperties(null, null, null, null, null, null, null).commitDelay())
                .isEqualTo(java.time.Duration.ofSeconds(1));
    }

    @Test
    void aKeyRememberedAsAbsentIsLookedUpAgainOnceTheIndexChanged() {
        withStore(FastIndexH2Backend.inMemoryStore(Set.of("members")), members -> {
            assertThatThrownBy(() -> members.insertMany(List.of(new Document("_id", "k").append("n", 1),
                    new Document("_id", "k").append("n", 2)), new com.mongodb.client.model.InsertManyOptions()
                    .ordered(false))).hasMessageContaining("duplicate key");
            assertThat(members.countDocuments()).isEqualTo(1);
            members.deleteOne(Filters.eq("_id", "k"));
            members.insertOne(new Document("_id", "k").append("n", 3));
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "k").append("n", 4)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(members.find(Filters.eq("_id", "k")).first()).containsEntry("n", 3);
            assertThat(members.countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void uniqueIndexesStillRefuseDuplicates() {
        withStore(FastIndexH2Backend.inMemoryStore(), members -> {
            members.createIndex(Indexes.ascending("kta"), new IndexOptions().unique(true));
            members.insertOne(new Document("_id", "a").append("kta", "KTA-1"));
            members.insertOne(new Document("_id", 7).append("kta", "KTA-2"));
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "a").append("kta", "KTA-3")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> members.insertOne(new Document("_id", 7L).append("kta", "KTA-4")))
                    .as("7 and 7L are the same key in MongoDB").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "b").append("kta", "KTA-1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(members.countDocuments()).isEqualTo(2);
            assertThat(members.find(Filters.eq("kta", "KTA-2")).first()).containsEntry("_id", 7);
        });
    }

    @Test
    void uniqueIndexesAcceptAndRefuseTheSameDocumentsAsTheStockStore() {
        List<Document> attempts = List.of(
                new Document("_id", 1).append("nik", "a"),
                new Document("_id", 2),
                new Document("_id", 3),
                new Document("_id", 4).append("nik", null),
                new Document("_id", 5.0).append("nik", "b"),
                new Document("_id", 1.0).append("nik", "c"),
                new Document("_id", new Document("tps", "31.71.01.1001.001").append("form", "PPWP")).append("nik", "d"),
                new Document("_id", new Document("tps", "31.71.01.1001.001").append("form", "PPWP")).append("nik", "e"),
                new Document("_id", new Document("tps", "31.71.01.1001.001").append("form", "DPR")).append("nik", "f"),
                new Document("_id", "x").append("nik", List.of("g", "h")),
                new Document("_id", "y").append("nik", "h"),
                new Document("_id", "z").append("nik", 7),
                new Document("_id", "w").append("nik", 7L));
        assertThat(outcomes(FastIndexH2Backend.inMemoryStore(), attempts))
                .isEqualTo(outcomes(H2Backend.inMemory(), attempts))
                .contains("2:ok", "3:duplicate", "1.0:duplicate", "y:duplicate", "w:duplicate");
    }

    private static List<String> outcomes(H2Backend backend, List<Document> attempts) {
        List<String> outcomes = new ArrayList<>();
        withStore(backend, members -> {
            members.createIndex(Indexes.ascending("nik"), new IndexOptions().unique(true));
            for (Document attempt : attempts) {
                String id = String.valueOf(attempt.get("_id") instanceof Document d ? d.toJson() : attempt.get("_id"));
                try {
                    members.insertOne(attempt);
                    outcomes.add(id + ":ok");
                } catch (MongoWriteException e) {
                    outcomes.add(id + (e.getMessage().contains("duplicate key") ? ":duplicate" : ":" + e.getMessage()));
                }
            }
            outcomes.add("count:" + members.countDocuments());
        });
        return outcomes;
    }

    @Test
    void aFileWrittenWithTheOldIndexOrderIsReSortedAndEveryKeyIsFoundAgain() {
        Path file = dir.resolve("old.mv");
        List<String> ids = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            ids.add(Long.toHexString(random.nextLong()) + "-" + i);
        }
        withStore(new H2Backend(file.toString()), members -> {
            members.createIndex(Indexes.ascending("kta"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                docs.add(new Document("_id", ids.get(i)).append("kta", "KTA-" + (i * 7919 % 100_003)));
            }
            members.insertMany(docs);
        });
        withStore(FastIndexH2Backend.inFileStore(file, 16), members -> {
            for (int i = 0; i < ids.size(); i++) {
                assertThat(members.find(Filters.eq("_id", ids.get(i))).first()).as(ids.get(i)).isNotNull();
                String kta = "KTA-" + (i * 7919 % 100_003);
                assertThat(members.find(Filters.eq("kta", kta)).first()).as(kta).containsEntry("_id", ids.get(i));
            }
            String someId = ids.get(1234);
            assertThatThrownBy(() -> members.insertOne(new Document("_id", someId).append("kta", "new")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            members.insertOne(new Document("_id", "fresh").append("kta", "KTA-fresh"));
        });
        withStore(FastIndexH2Backend.inFileStore(file, 16), members -> {
            assertThat(members.countDocuments()).isEqualTo(ids.size() + 1);
            assertThat(members.find(Filters.eq("kta", "KTA-fresh")).first()).containsEntry("_id", "fresh");
        });
    }

    @Test
    void bsonDocumentsComeBackWholeAfterARestartBesideOnesOfTheOldFormat() {
        Path file = dir.resolve("mixed.mv");
        Document old = rich("old");
        withStore(new H2Backend(file.toString()), members -> members.insertOne(old));
        Document fresh = rich("new");
        withStore(FastIndexH2Backend.inFileStore(file, 16), members -> {
            members.insertOne(fresh);
            members.updateOne(Filters.eq("_id", "old"), new Document("$set", new Document("status", "MS")));
        });
        withStore(FastIndexH2Backend.inFileStore(file, 16), members -> {
            Document readNew = members.find(Filters.eq("_id", "new")).first();
            assertThat(readNew).isEqualTo(fresh);
            Document readOld = members.find(Filters.eq("_id", "old")).first();
            assertThat(readOld).isEqualTo(new Document(old).append("status", "MS"));
        });
        try (MVStore raw = MVStore.open(file.toString())) {
            MVMap<Object, Object> data = raw.openMap("databases.sipol.members",
                    new MVMap.Builder<Object, Object>().valueType(new ByteArrayPeek()));
            assertThat((byte[]) data.get("new")).startsWith(BsonDocumentValues.BSON);
        }
    }

    private static Document rich(String id) {
        return new Document("_id", id).append("nama", "Siti Nurhaliza").append("dpt", 287).append("suara", 123_456_789_012L)
                .append("persen", 41.5).append("sah", true).append("kosong", null)
                .append("waktu", new Date(1_700_000_000_000L)).append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("foto", new Binary(new byte[] {1, 2, 3}))
                .append("baris", List.of(new Document("importId", "imp-1").append("row", 7), "dua", 3))
                .append("alamat", new Document("kabKota", "31.71").append("kecamatan", new Document("kode", "31.71.01")));
    }

    /** Reads a stored value as its raw bytes, to see which format it was written in. */
    private static final class ByteArrayPeek extends BasicDataType<Object> {
        @Override
        public int getMemory(Object value) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            buffer.put((byte[]) value);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    @Test
    void documentsAreKeptAsBsonBytesAndEveryKindOfQueryReadsThemDecoded() {
        Path file = dir.resolve("bytes.mv");
        FastIndexH2Backend backend = FastIndexH2Backend.inFileStore(file, 16);
        withStore(backend, members -> {
            for (int i = 0; i < 300; i++) {
                members.insertOne(rich(String.format("d%03d", i)).append("row", i));
            }
            members.updateOne(Filters.eq("_id", "d007"), new Document("$set", new Document("status", "MS")));
            assertThat(members.find(Filters.eq("_id", "d007")).first()).containsEntry("status", "MS")
                    .containsEntry("nama", "Siti Nurhaliza");
            assertThat(members.find().sort(new Document("$natural", -1)).limit(3)
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("d299", "d298", "d297");
            assertThat(members.find(Filters.lt("row", 5)).sort(new Document("row", -1))
                    .map(d -> d.getInteger("row")).into(new ArrayList<>())).containsExactly(4, 3, 2, 1, 0);
            assertThat(members.findOneAndDelete(Filters.eq("_id", "d010"))).containsEntry("row", 10);
            assertThat(members.countDocuments()).isEqualTo(299);
            assertThat(members.countDocuments(Filters.eq("alamat.kecamatan.kode", "31.71.01"))).isEqualTo(299);
            MVMap<Object, Object> data = backend.getMvStore().openMap("databases.sipol.members");
            Object stored = data.get("d007");
            assertThat(stored).isInstanceOf(StoredBson.class);
            assertThat(new BsonDocumentValues().getMemory(stored))
                    .isEqualTo(32 + ((StoredBson) stored).bytes().length);
        });
        withStore(FastIndexH2Backend.inFileStore(file, 16), members -> {
            assertThat(members.find(Filters.eq("_id", "d123")).first())
                    .isEqualTo(rich("d123").append("row", 123));
            assertThat(members.find(Filters.eq("_id", "d007")).first()).containsEntry("status", "MS");
            assertThat(members.find(Filters.eq("_id", "d010")).first()).isNull();
        });
    }

    @Test
    void anInsertionOrderedCollectionFindsUpdatesAndDeletesByIdAndReturnsDocumentsInInsertionOrder() {
        Path file = dir.resolve("ordered.mv");
        List<String> ids = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 1500; i++) {
            ids.add(Long.toHexString(random.nextLong()) + "-" + i);
        }
        // the first third is written by a store that keys documents by id, as files written before do
        withStore(FastIndexH2Backend.inFileStore(file, 16), members -> {
            for (int i = 0; i < 500; i++) {
                members.insertOne(new Document("_id", ids.get(i)).append("row", i).append("party", "pnb"));
            }
        });
        withStore(FastIndexH2Backend.inFileStore(file, 16, Set.of("members")), members -> {
            for (int i = 500; i < 1000; i++) {
                members.insertOne(new Document("_id", ids.get(i)).append("row", i).append("party", "pnb"));
            }
        });
        FastIndexH2Backend reopened = FastIndexH2Backend.inFileStore(file, 16, Set.of("members"));
        withStore(reopened, members -> {
            List<Document> rest = new ArrayList<>();
            for (int i = 1000; i < 1500; i++) {
                rest.add(new Document("_id", ids.get(i)).append("row", i).append("party", "pnb"));
            }
            members.insertMany(rest);
            assertThatThrownBy(() -> members.insertOne(new Document("_id", ids.get(700)).append("row", -1)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> members.insertOne(new Document("_id", ids.get(200)).append("row", -1)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            for (int i = 0; i < ids.size(); i += 7) {
                assertThat(members.find(Filters.eq("_id", ids.get(i))).first()).as(ids.get(i))
                        .containsEntry("row", i);
            }
            members.updateOne(Filters.eq("_id", ids.get(1234)), new Document("$set", new Document("party", "pkr")));
            members.updateOne(Filters.eq("_id", ids.get(42)), new Document("$set", new Document("party", "pkr")));
            members.deleteOne(Filters.eq("_id", ids.get(777)));
            assertThat(members.countDocuments()).isEqualTo(1499);
            assertThat(members.find(Filters.eq("party", "pkr")).map(d -> d.getInteger("row"))
                    .into(new ArrayList<>())).containsExactlyInAnyOrder(42, 1234);

            List<Integer> rows = new ArrayList<>();
            members.find(Filters.eq("party", "pnb")).batchSize(100).forEach(d -> rows.add(d.getInteger("row")));
            assertThat(rows).hasSize(1497).doesNotContain(42, 777, 1234);
            // the later two thirds come back in the order they were inserted, after the documents stored by id
            List<Integer> later = rows.stream().filter(r -> r >= 500).toList();
            assertThat(later).isSorted();
            assertThat(rows.subList(0, 499)).allMatch(r -> r < 500);
            Object stored = reopened.getMvStore().openMap("databases.sipol.members").firstKey();
            assertThat(stored).isInstanceOf(String.class);
            Object position = reopened.getMvStore().openMap("databases.sipol.members").lastKey();
            assertThat(position).isEqualTo(new java.util.UUID(PinnedScanCollection.POSITION_MARK, 999));
        });
        withStore(FastIndexH2Backend.inFileStore(file, 16, Set.of("members")), members -> {
            members.insertOne(new Document("_id", "after-restart").append("row", 5000));
            assertThat(members.find().sort(new Document("$natural", -1)).first()).containsEntry("row", 5000);
            assertThat(members.find(Filters.eq("_id", ids.get(1499))).first()).containsEntry("row", 1499);
            assertThat(members.countDocuments()).isEqualTo(1500);
        });
    }

    @Test
    void collectionStatisticsGiveTheSameDataSizeAsTheStockStore() {
        assertThat(dataSizes(FastIndexH2Backend.inFileStore(dir.resolve("size.mv"), 16, Set.of("members"))))
                .isEqualTo(dataSizes(H2Backend.inMemory()))
                .allMatch(size -> size > 0);
    }

    private static List<Long> dataSizes(H2Backend backend) {
        List<Long> sizes = new ArrayList<>();
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            var db = client.getDatabase("sipol");
            MongoCollection<Document> members = db.getCollection("members");
            for (int i = 0; i < 50; i++) {
                members.insertOne(rich("s" + i));
            }
            sizes.add(db.runCommand(new Document("collStats", "members")).get("size", Number.class).longValue());
            members.updateOne(Filters.eq("_id", "s3"), new Document("$set", new Document("nama", "X".repeat(500))));
            sizes.add(db.runCommand(new Document("collStats", "members")).get("size", Number.class).longValue());
            members.deleteOne(Filters.eq("_id", "s7"));
            members.deleteMany(Filters.in("_id", "s8", "s9"));
            sizes.add(db.runCommand(new Document("collStats", "members")).get("size", Number.class).longValue());
        } finally {
            server.shutdownNow();
        }
        return sizes;
    }

    @Test
    void aCursorReadsTheCollectionBatchByBatchWithTheQuerysFilterSkipLimitAndProjection() {
        withStore(FastIndexH2Backend.inFileStore(dir.resolve("cursor.mv"), 16), members -> {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                docs.add(new Document("_id", String.format("m%05d", i)).append("party", i % 3 == 0 ? "pnb" : "pkr")
                        .append("row", i).append("nik", "secret-" + i));
            }
            members.insertMany(docs);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                if (i % 3 == 0) {
                    expected.add(i);
                }
            }
            List<Integer> all = new ArrayList<>();
            List<Document> seen = new ArrayList<>();
            members.find(Filters.eq("party", "pnb")).batchSize(7).projection(new Document("row", 1))
                    .forEach(d -> {
                        all.add(d.getInteger("row"));
                        seen.add(d);
                    });
            assertThat(all).isEqualTo(expected);
            assertThat(seen).allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "row"));

            List<Integer> page = new ArrayList<>();
            members.find(Filters.eq("party", "pnb")).batchSize(50).skip(100).limit(120)
                    .forEach(d -> page.add(d.getInteger("row")));
            assertThat(page).isEqualTo(expected.subList(100, 220));

            List<Integer> withoutBatchSize = new ArrayList<>();
            members.find(Filters.eq("party", "pnb")).forEach(d -> withoutBatchSize.add(d.getInteger("row")));
            assertThat(withoutBatchSize).isEqualTo(expected);
            assertThat(members.countDocuments(Filters.eq("party", "pnb"))).isEqualTo(expected.size());
            assertThat(members.deleteMany(Filters.eq("party", "pkr")).getDeletedCount()).isEqualTo(2000 - expected.size());
        });
    }

    @Test
    void aCursorReadsLaterBatchesFromTheCollectionAsItIsThenNotFromACopyTakenAtTheStart() {
        withStore(FastIndexH2Backend.inMemoryStore(), members -> {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                docs.add(new Document("_id", String.format("a%04d", i)).append("party", "pnb"));
            }
            members.insertMany(docs);
            List<String> ids = new ArrayList<>();
            try (var cursor = members.find(Filters.eq("party", "pnb")).batchSize(10).iterator()) {
                for (int i = 0; i < 10; i++) {
                    ids.add(cursor.next().getString("_id"));
                }
                members.insertOne(new Document("_id", "a5000").append("party", "pnb"));
                members.deleteOne(Filters.eq("_id", "a0900"));
                cursor.forEachRemaining(d -> ids.add(d.getString("_id")));
            }
            assertThat(ids).hasSize(1000).contains("a0000", "a0999", "a5000").doesNotContain("a0900")
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    void aCompareAndSetByIdAndVersionChangesOnlyTheDocumentAtThatVersion() {
        for (Set<String> ordered : List.of(Set.<String>of(), Set.of("members"))) {
            withStore(FastIndexH2Backend.inMemoryStore(ordered), members -> {
                for (int i = 0; i < 500; i++) {
                    members.insertOne(new Document("_id", "tps-" + i).append("version", 1).append("n", i));
                }
                // the version matches: changed once; the same compare-and-set again finds nothing
                var set = new Document("$set", new Document("version", 2).append("n", -1));
                assertThat(members.updateOne(Filters.and(Filters.eq("_id", "tps-7"), Filters.eq("version", 1)), set)
                        .getModifiedCount()).isEqualTo(1);
                assertThat(members.updateOne(Filters.and(Filters.eq("_id", "tps-7"), Filters.eq("version", 1)), set)
                        .getMatchedCount()).isZero();
                // another document at that version is not touched, nor is an unknown id
                assertThat(members.updateOne(Filters.and(Filters.eq("_id", "nope"), Filters.eq("version", 1)), set)
                        .getMatchedCount()).isZero();
                assertThat(members.find(Filters.eq("_id", "tps-8")).first()).containsEntry("version", 1)
                        .containsEntry("n", 8);
                // replace and find with a condition: same answers as a scan would give
                assertThat(members.replaceOne(Filters.and(Filters.eq("_id", "tps-9"), Filters.eq("version", 2)),
                        new Document("_id", "tps-9").append("version", 3)).getMatchedCount()).isZero();
                assertThat(members.replaceOne(Filters.and(Filters.eq("_id", "tps-9"), Filters.lt("version", 2)),
                        new Document("_id", "tps-9").append("version", 3)).getModifiedCount()).isEqualTo(1);
                assertThat(members.find(Filters.and(Filters.eq("_id", "tps-9"), Filters.eq("version", 3))).first())
                        .isNotNull();
                assertThat(members.find(Filters.and(Filters.eq("_id", "tps-7"), Filters.gt("n", 0))).first())
                        .isNull();
                assertThat(members.countDocuments(Filters.eq("version", 1))).isEqualTo(498);
            });
        }
    }

    @Test
    void aCompareAndSetWrittenAsAndOfIdAndVersionFindsTheDocumentByItsIdWithoutReadingTheCollection() {
        withStore(FastIndexH2Backend.inMemoryStore(Set.of()), members -> {
            for (int i = 0; i < 200; i++) {
                members.insertOne(new Document("_id", "tps-" + i).append("version", 1).append("n", i));
            }
            long scansBefore = PinnedScanCollection.fullScans();
            // how the driver writes Filters.and: {$and: [{_id: ..}, {version: ..}]}
            var cas = Filters.and(Filters.eq("_id", "tps-5"), Filters.eq("version", 1));
            assertThat(cas.toBsonDocument().containsKey("$and")).isTrue();
            assertThat(members.replaceOne(cas, new Document("_id", "tps-5").append("version", 2)).getModifiedCount())
                    .isEqualTo(1);
            assertThat(members.updateOne(Filters.and(Filters.eq("_id", "tps-6"), Filters.eq("version", 1)),
                    new Document("$set", new Document("version", 2))).getModifiedCount()).isEqualTo(1);
            assertThat(members.find(Filters.and(Filters.eq("version", 2), Filters.eq("_id", "tps-6"))).first())
                    .containsEntry("n", 6);
            assertThat(PinnedScanCollection.fullScans()).as("collection scans for queries naming one _id")
                    .isEqualTo(scansBefore);
            // a condition on another field alone still reads the collection, and answers the same
            assertThat(members.countDocuments(Filters.eq("version", 2))).isEqualTo(2);
            assertThat(PinnedScanCollection.fullScans()).isGreaterThan(scansBefore);
        });
    }

    /** How the outbox relay and the log sequencer read the documents they were hinted: one query per batch. */
    @Test
    void aBatchOfIdsWithAProjectionIsReadByTheIdIndexWithoutReadingTheCollection() {
        withStore(FastIndexH2Backend.inFileStore(dir.resolve("batch.mv"), 4), members -> {
            for (int i = 0; i < 300; i++) {
                members.insertOne(new Document("_id", "tps-" + i).append("n", i)
                        .append("outbox", List.of(new Document("eventId", "e-" + i))));
            }
            long scansBefore = PinnedScanCollection.fullScans();
            List<Document> found = members.find(Filters.in("_id", "tps-7", "tps-250", "tps-3", "missing"))
                    .projection(new Document("_id", 1).append("outbox", 1)).into(new java.util.ArrayList<>());
            assertThat(found).extracting(d -> d.get("_id")).containsExactlyInAnyOrder("tps-7", "tps-250", "tps-3");
            assertThat(found).allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "outbox"));
            assertThat(PinnedScanCollection.fullScans()).as("collection scans for a batch of ids").isEqualTo(scansBefore);
        });
    }

    @Test
    void onlyAPlainIdBesideOtherConditionsOrInsideATopLevelAndIsTakenAsTheOneDocumentToRead() {
        var and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("v", 1)));
        assertThat(PinnedScanCollection.idToFind(and)).isEqualTo("a");
        assertThat(PinnedScanCollection.idToFind(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("v", 1)))
                .isEqualTo("a");
        // {_id: x} alone: the stock path finds it by its index already
        assertThat(PinnedScanCollection.idToFind(new de.bwaldvogel.mongo.bson.Document("_id", "a"))).isNull();
        // operators on _id, or an _id only under $or, are not one document
        assertThat(PinnedScanCollection.idToFind(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "a")),
                new de.bwaldvogel.mongo.bson.Document("v", 1))))).isNull();
        assertThat(PinnedScanCollection.idToFind(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("v", 1)))))
                .isNull();
    }

    /**
     * The outbox relay's and the log sequencer's {@code $pull} of one entry, done on the stored bytes
     * ({@link BsonPull}), against the stock store doing the same updates: after every update the answer (matched,
     * modified, or the error) and every document read back are the same, for documents with fields of many BSON types,
     * repeated and missing entries, and the shapes the bytes path leaves to the stock store.
     */
    @Test
    void aPullOnTheStoredBytesLeavesWhatTheStockStoreLeaves() {
        Random random = new Random(22);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            documents.add(randomDocument(random, i));
        }
        List<org.bson.conversions.Bson[]> updates = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Object id = random.nextInt(8) == 0 ? "missing-" + i : "d" + random.nextInt(60);
            String field = switch (random.nextInt(10)) {
                case 0 -> "scalar";
                case 1 -> "absent";
                case 2 -> "mixed";
                default -> random.nextBoolean() ? "outbox" : "logOutbox";
            };
            String key = random.nextInt(10) == 0 ? "n" : field.equals("logOutbox") ? "entryId" : "eventId";
            Object value = random.nextInt(12) == 0 ? (Object) random.nextInt(3) : "e" + random.nextInt(12);
            updates.add(new org.bson.conversions.Bson[] {Filters.eq("_id", id),
                    com.mongodb.client.model.Updates.pull(field, new Document(key, value))});
        }
        List<String> stock = new ArrayList<>();
        withStore(new H2Backend(MVStore.open(null)), c -> stock.addAll(pullAll(c, documents, updates)));
        List<String> bytes = new ArrayList<>();
        long before = PinnedScanCollection.bytesPulls();
        withStore(FastIndexH2Backend.inMemoryStore(Set.of()), c -> bytes.addAll(pullAll(c, documents, updates)));
        assertThat(bytes).containsExactlyElementsOf(stock);
        assertThat(PinnedScanCollection.bytesPulls() - before).as("updates done on the bytes").isGreaterThan(150);
        assertThat(stock.stream().filter(line -> line.startsWith("1/1")).count()).isGreaterThan(50);
        assertThat(stock.stream().filter(line -> line.startsWith("error")).count()).isGreaterThan(5);
    }

    @Test
    void aProjectedReadByIdDecodesOnlyWhatItUsesAndAnswersWhatTheStockStoreAnswers() {
        Random random = new Random(7);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            documents.add(randomDocument(random, i));
        }
        String[] fields = {"_id", "version", "values", "values.key", "at", "photo", "ok", "none", "share", "scalar",
            "outbox", "outbox.eventId", "logOutbox", "mixed", "tail", "tail.nested", "absent"};
        List<Object[]> reads = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            List<Object> ids = new ArrayList<>();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                ids.add(random.nextInt(10) == 0 ? "missing-" + i : "d" + random.nextInt(60));
            }
            org.bson.conversions.Bson query = switch (random.nextInt(5)) {
                case 0 -> Filters.in("_id", ids);
                case 1 -> Filters.and(Filters.eq("_id", ids.get(0)), Filters.eq("version", (long) random.nextInt(5)));
                case 2 -> Filters.and(Filters.in("_id", ids), Filters.eq("ok", true));
                case 3 -> Filters.and(Filters.eq("_id", ids.get(0)), Filters.gt("share", 0.5));
                default -> Filters.eq("_id", ids.get(0));
            };
            Document projection = new Document();
            int mode = random.nextInt(9);
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                String field = fields[random.nextInt(fields.length)];
                projection.put(field, switch (mode) {
                    case 0, 1, 2 -> 0;
                    case 3, 4 -> true;
                    case 5 -> 1L;
                    case 6 -> random.nextBoolean() ? 1 : 0; // a mix: MongoDB refuses it unless only _id is 0
                    case 7 -> new Document("$slice", 1); // an operator: the stock path
                    default -> false;
                });
            }
            reads.add(new Object[] {query, random.nextInt(6) == 0 ? null : projection,
                random.nextInt(5) == 0 ? new Document("share", -1) : null});
        }
        List<String> stock = new ArrayList<>();
        withStore(new H2Backend(MVStore.open(null)), c -> stock.addAll(readAll(c, documents, reads)));
        List<String> trimmed = new ArrayList<>();
        long before = PinnedScanCollection.trimmedReads();
        withStore(FastIndexH2Backend.inMemoryStore(Set.of()), c -> trimmed.addAll(readAll(c, documents, reads)));
        assertThat(trimmed).containsExactlyElementsOf(stock);
        assertThat(PinnedScanCollection.trimmedReads() - before).as("documents read trimmed").isGreaterThan(150);
        assertThat(stock.stream().filter(line -> line.startsWith("error")).count()).as("refused reads").isGreaterThan(5);
        assertThat(stock.stream().filter(line -> line.contains("\"_id\"")).count()).isGreaterThan(200);
    }

    private static List<String> readAll(MongoCollection<Document> c, List<Document> documents, List<Object[]> reads) {
        documents.forEach(d -> c.insertOne(Document.parse(d.toJson())));
        List<String> answers = new ArrayList<>();
        for (Object[] read : reads) {
            try {
                var found = c.find((org.bson.conversions.Bson) read[0]).projection((Document) read[1]);
                if (read[2] != null) {
                    found = found.sort((Document) read[2]);
                }
                List<String> lines = new ArrayList<>();
                found.forEach(d -> lines.add(d.toJson()));
                answers.add(String.join("\n", lines));
            } catch (com.mongodb.MongoException e) {
                answers.add("error " + e.getCode());
            }
        }
        return answers;
    }

    private static List<String> pullAll(MongoCollection<Document> c, List<Document> documents,
                                        List<org.bson.conversions.Bson[]> updates) {
        List<String> answers = new ArrayList<>();
        documents.forEach(d -> c.insertOne(Document.parse(d.toJson())));
        for (org.bson.conversions.Bson[] update : updates) {
            try {
                var result = c.updateOne(update[0], update[1]);
                answers.add(result.getMatchedCount() + "/" + result.getModifiedCount());
            } catch (MongoWriteException e) {
                answers.add("error " + e.getError().getCode());
            }
            if (answers.size() % 50 == 0) {
                c.find().sort(new Document("_id", 1)).forEach(d -> answers.add(d.toJson()));
            }
        }
        c.find().sort(new Document("_id", 1)).forEach(d -> answers.add(d.toJson()));
        return answers;
    }

    private static Document randomDocument(Random random, int i) {
        Document d = new Document("_id", "d" + i).append("version", (long) random.nextInt(5))
                .append("values", List.of(new Document("key", "votes.candidate.1").append("value", random.nextInt(300))))
                .append("at", new Date(1_700_000_000_000L + random.nextInt(1000)))
                .append("photo", new Binary(new byte[] {1, 2, (byte) random.nextInt(256)}))
                .append("ref", new ObjectId()).append("ok", random.nextBoolean()).append("none", null)
                .append("share", random.nextDouble()).append("scalar", "text");
        d.append("outbox", entries(random, "eventId"));
        if (random.nextBoolean()) {
            d.append("logOutbox", entries(random, "entryId"));
        }
        List<Object> mixed = new ArrayList<>(entries(random, "eventId"));
        mixed.add(random.nextInt(mixed.size() + 1), random.nextBoolean() ? "plain" : new Document("eventId",
                List.of("e1", "e2")));
        d.append("mixed", mixed);
        d.append("tail", new Document("nested", List.of(1, 2, 3)).append("eventId", "e1"));
        return d;
    }

    private static List<Document> entries(Random random, String key) {
        List<Document> entries = new ArrayList<>();
        for (int n = random.nextInt(14); n > 0; n--) {
            Document entry = new Document("n", random.nextInt(3));
            if (random.nextInt(8) != 0) {
                entry.append(key, random.nextInt(8) == 0 ? (Object) random.nextInt(3) : "e" + random.nextInt(12));
            }
            entries.add(entry.append("payload", "{\"values\":[" + random.nextInt(1000) + "]}"));
        }
        return entries;
    }

    private static void withStore(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.accept(client.getDatabase("sipol").getCollection("members"));
        } finally {
            server.shutdownNow();
        }
    }
}
