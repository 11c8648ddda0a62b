package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/** A unique index of the embedded store kept in an H2 map ordered by {@link IndexKeyOrder}. */
final class OrderedKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> entries;
    // The key last found absent, while the index has not changed since. The stock index looks a new key up twice
    // before it adds it (the collection checks every index first, then each index checks again in add), and every
    // look-up of a random key in a large index is a walk down the tree; the second one is answered from here.
    private KeyValue lastAbsent;

    OrderedKeyIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    @Override
    protected synchronized Object removeDocument(KeyValue key) {
        lastAbsent = null;
        return entries.remove(key);
    }

    @Override
    protected synchronized boolean putKeyPosition(KeyValue key, Object position) {
        lastAbsent = null;
        return entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected synchronized boolean containsKey(KeyValue key) {
        if (key.equals(lastAbsent)) {
            return false;
        }
        boolean present = entries.containsKey(key);
        lastAbsent = present ? null : key;
        return present;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return entries.get(key);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
