package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Value type of the embedded store's collection maps: documents written as BSON rather than Java serialisation
 * (several times faster both ways, and smaller). The store's default type guesses 10 kB of memory for every
 * document, which made it commit after about a hundred inserts and keep only a few thousand documents in its cache;
 * this type estimates from the document itself. BSON values are read as {@link StoredBson} (bytes, decoded only when
 * a document is asked for) and written back as they are; values written by the default type are still read (as
 * documents) and are written as BSON when their page is next written.
 */
final class BsonDocumentValues extends BasicDataType<Object> {

    /** Above every type tag of H2's {@link ObjectDataType} (the highest is 119). */
    static final byte BSON = 127;

    private static final int SCRATCH_LIMIT = 1 << 20;
    // one growing buffer per writing thread (the store serialises pages on its own thread): a fresh small buffer per
    // document spent a tenth of that thread's time growing and freeing arrays; an unusually large one is let go
    private static final ThreadLocal<ByteBuf> SCRATCH =
            ThreadLocal.withInitial(() -> Unpooled.unreleasableBuffer(Unpooled.buffer(16 * 1024)));

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof StoredBson stored) {
            byte[] bytes = stored.bytes();
            buffer.put(BSON).putVarInt(bytes.length).put(bytes);
            return;
        }
        if (!(value instanceof Document document)) {
            legacy.write(buffer, value);
            return;
        }
        ByteBuf bson = SCRATCH.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        int length = bson.readableBytes();
        buffer.put(BSON).putVarInt(length);
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        if (bson.capacity() > SCRATCH_LIMIT) {
            SCRATCH.remove();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return legacy.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new StoredBson(bytes);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof StoredBson stored ? 32 + stored.bytes().length : estimate(value);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 48 + 2 * String.valueOf(e.getKey()).length() + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 40;
            for (Object o : list) {
                size += 8 + estimate(o);
            }
            return size;
        }
        if (value instanceof CharSequence s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
