package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class IndexKeyOrderTest {

    private final IndexKeyOrder order = new IndexKeyOrder();

    @Test
    void keysOfStringsAndWholeNumbersComeBackEqualAndOfTheirTypes() {
        List<KeyValue> keys = List.of(new KeyValue("31.71"), new KeyValue(42L), new KeyValue(-7),
                new KeyValue(Long.MAX_VALUE, "a", Integer.MIN_VALUE), new KeyValue("", 0L),
                new KeyValue(new Document("x", 1)), new KeyValue(1.5), new KeyValue((Object) null));
        for (KeyValue key : keys) {
            KeyValue back = order.read(written(key));
            assertThat(back).isEqualTo(key);
            for (int i = 0; i < key.size(); i++) {
                assertThat(back.get(i) == null ? null : back.get(i).getClass())
                        .isEqualTo(key.get(i) == null ? null : key.get(i).getClass());
            }
            assertThat(order.compare(back, key)).isZero();
        }
    }

    @Test
    void numberKeysAreWrittenCompactlyAndKeysOfTheOldFormatStillRead() {
        ByteBuffer compact = written(new KeyValue(123456789L));
        assertThat(compact.get(0)).isEqualTo(IndexKeyOrder.SCALARS);
        assertThat(compact.remaining()).isLessThan(12);

        WriteBuffer old = new WriteBuffer();
        new ObjectDataType().write(old, new KeyValue(123456789L, "b"));
        assertThat(order.read(old.getBuffer().flip())).isEqualTo(new KeyValue(123456789L, "b"));
    }

    @Test
    void stringsAreWrittenAsTheStoresStringTypeWritesThem() {
        java.util.Random random = new java.util.Random(22);
        String alphabet = "aZ09|.:_ \u0000\u007f\u0080\u00e9\u0800\uffff\ud83d\ude00\ud800";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(n < 100 ? 3 : 40);
            for (int i = 0; i < length; i++) {
                text.append(random.nextBoolean() ? (char) ('a' + random.nextInt(26))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            WriteBuffer mine = new WriteBuffer();
            IndexKeyOrder.writeString(mine, text.toString());
            WriteBuffer stock = new WriteBuffer();
            org.h2.mvstore.type.StringDataType.INSTANCE.write(stock, text.toString());
            assertThat(bytes(mine)).as("[%s]", text).isEqualTo(bytes(stock));
            assertThat(org.h2.mvstore.type.StringDataType.INSTANCE.read(mine.getBuffer().flip()))
                    .isEqualTo(text.toString());
        }
    }

    private static byte[] bytes(WriteBuffer buffer) {
        ByteBuffer b = buffer.getBuffer().duplicate().flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private ByteBuffer written(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        order.write(buffer, key);
        return buffer.getBuffer().flip();
    }
}
