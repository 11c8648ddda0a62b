package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Key type of the embedded store's unique-index maps. The store's default compares index keys, which are not
 * {@link Comparable}, by Java-serialising both sides on every comparison of every B-tree step; that was most of the
 * cost of an insert into a large collection. This type compares the key values directly (strings as strings, other
 * values in MongoDB's own order) and writes them to disk exactly as the default does.
 */
final class IndexKeyOrder extends BasicDataType<KeyValue> {

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
        onDisk.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) onDisk.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
