package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store's documents written straight into bytes are byte for byte what the store's own encoder writes. */
class StoredBsonWriterTest {

    static byte[] storeEncoder(Document document) {
        ByteBuf buffer = Unpooled.buffer(64);
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    @Test
    void randomDocumentsAreWrittenAsTheStoresEncoderWritesThem() {
        Random random = new Random(20261207);
        int written = 0;
        for (int i = 0; i < 3_000; i++) {
            Document document = document(random, 0, false);
            byte[] expected = storeEncoder(document);
            byte[] actual = StoredBsonWriter.encode(document);
            assertThat(actual).as("document %d: %s", i, document).isEqualTo(expected);
            // and read back by the store's decoder, written again the same
            assertThat(StoredBsonWriter.encode(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(actual))))
                    .isEqualTo(expected);
            assertThat(StoredBson.of(document).bytes()).isEqualTo(expected);
            written++;
        }
        assertThat(written).isEqualTo(3_000);
    }

    @Test
    void documentsWithOtherTypesAreLeftToTheStoresEncoder() {
        Random random = new Random(7);
        int other = 0;
        for (int i = 0; i < 500; i++) {
            Document document = document(random, 0, true);
            byte[] actual = StoredBsonWriter.encode(document);
            byte[] expected = storeEncoder(document);
            if (actual == null) {
                other++;
            } else {
                assertThat(actual).isEqualTo(expected);
            }
            // either way what is stored is the store encoder's bytes
            assertThat(StoredBson.of(document).bytes()).isEqualTo(expected);
        }
        assertThat(other).as("documents holding a type left to the store's encoder").isGreaterThan(50);
        assertThat(StoredBsonWriter.encode(new Document("t", new BsonTimestamp(5L)))).isNull();
        assertThat(StoredBsonWriter.encode(new Document("u", UUID.randomUUID()))).isNull();
    }

    static Document document(Random random, int depth, boolean otherTypes) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        if (depth == 0) {
            document.put("_id", random.nextBoolean() ? new ObjectId() : text(random));
        }
        for (int f = 0; f < fields; f++) {
            document.put(text(random) + f, value(random, depth, otherTypes));
        }
        return document;
    }

    static Object value(Random random, int depth, boolean otherTypes) {
        int kinds = otherTypes ? 14 : 12;
        switch (random.nextInt(depth >= 3 ? 9 : kinds)) {
            case 0: return null;
            case 1: return text(random);
            case 2: return random.nextInt();
            case 3: return random.nextLong();
            case 4: return random.nextBoolean() ? random.nextDouble() * 1e6 : Double.NaN;
            case 5: return random.nextBoolean();
            case 6: return Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
            case 7: return new ObjectId();
            case 8: {
                byte[] data = new byte[random.nextInt(40)];
                random.nextBytes(data);
                return new BinData(data);
            }
            case 9: return document(random, depth + 1, otherTypes);
            case 10: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    list.add(value(random, depth + 1, otherTypes));
                }
                return list;
            }
            case 11: {
                LinkedHashSet<Object> set = new LinkedHashSet<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    set.add(random.nextInt(100));
                }
                return set;
            }
            case 12: return new BsonTimestamp(random.nextLong());
            default: return UUID.randomUUID();
        }
    }

    static String text(Random random) {
        String alphabet = "abcXYZ09._-é✓€ \u00a0";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(14); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 10)));
        }
        if (random.nextInt(50) == 0) {
            text.append('\ud800'); // an unpaired surrogate: '?' in both
        }
        return text.toString();
    }
}
