package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * Key type of the embedded store's unique-index maps. The store's default compares index keys, which are not
 * {@link Comparable}, by Java-serialising both sides on every comparison of every B-tree step; that was most of the
 * cost of an insert into a large collection. This type compares the key values directly (strings as strings, other
 * values in MongoDB's own order). Keys of strings only (ids, NIK hashes, codes) are written compactly; other keys
 * and keys written by the default type are read and written as the default does.
 */
final class IndexKeyOrder extends BasicDataType<KeyValue> {

    /** Keys made only of strings are written compactly; above every type tag of H2's {@link ObjectDataType}. */
    static final byte STRINGS = 126;
    /** Keys of strings and whole numbers (a log's sequence numbers) are written with a tag per value. */
    static final byte SCALARS = 125;

    private final ObjectDataType onDisk = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c = x instanceof String s && y instanceof String t ? s.compareTo(t)
                    : ValueComparator.asc().compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return 24 + 48 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (stringsOnly(key)) {
            buffer.put(STRINGS).putVarInt(key.size());
            for (int i = 0; i < key.size(); i++) {
                writeString(buffer, (String) key.get(i));
            }
        } else if (scalarsOnly(key)) {
            // the default type would Java-serialise the whole key: 16 % of the store's page writing in the benchmark
            buffer.put(SCALARS).putVarInt(key.size());
            for (int i = 0; i < key.size(); i++) {
                Object value = key.get(i);
                if (value instanceof String text) {
                    buffer.put((byte) 0);
                    writeString(buffer, text);
                } else if (value instanceof Integer number) {
                    buffer.put((byte) 1).putVarInt(number);
                } else {
                    buffer.put((byte) 2).putVarLong((Long) value);
                }
            }
        } else {
            onDisk.write(buffer, key);
        }
    }

    /**
     * What {@link StringDataType} writes (its length, then each char as modified UTF-8), for an ASCII string in one
     * copy instead of one buffer call per char: the store writes every key of a page each time it writes the page, and
     * that per-char loop was a fifth of its page writer's time in the confirmation benchmark (issue 22).
     */
    static void writeString(WriteBuffer buffer, String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                StringDataType.INSTANCE.write(buffer, text);
                return;
            }
        }
        buffer.putVarInt(length).put(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static boolean scalarsOnly(KeyValue key) {
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
                return false;
            }
        }
        return true;
    }

    // a loop, not a stream: the store writes every key of a page each time it writes the page
    private static boolean stringsOnly(KeyValue key) {
        for (int i = 0; i < key.size(); i++) {
            if (!(key.get(i) instanceof String)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte tag = buffer.get(buffer.position());
        if (tag == SCALARS) {
            buffer.get();
            Object[] values = new Object[DataUtils.readVarInt(buffer)];
            for (int i = 0; i < values.length; i++) {
                byte type = buffer.get();
                values[i] = type == 0 ? StringDataType.INSTANCE.read(buffer)
                        : type == 1 ? (Object) DataUtils.readVarInt(buffer) : (Object) DataUtils.readVarLong(buffer);
            }
            return new KeyValue(values);
        }
        if (tag != STRINGS) {
            return (KeyValue) onDisk.read(buffer);
        }
        buffer.get();
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = StringDataType.INSTANCE.read(buffer);
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
