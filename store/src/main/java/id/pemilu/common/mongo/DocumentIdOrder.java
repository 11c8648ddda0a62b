package id.pemilu.common.mongo;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Key type of the embedded store's collection maps (documents by id): string ids, the usual case here, are compared
 * directly; everything else, and the file format, is exactly H2's default (which compares strings the same way but
 * first works out the type of both sides at every step).
 */
final class DocumentIdOrder extends BasicDataType<Object> {

    private final ObjectDataType standard = new ObjectDataType();

    @Override
    public int compare(Object a, Object b) {
        return a instanceof String s && b instanceof String t ? s.compareTo(t) : standard.compare(a, b);
    }

    @Override
    public int getMemory(Object id) {
        return id instanceof String s ? 40 + 2 * s.length() : standard.getMemory(id);
    }

    @Override
    public void write(WriteBuffer buffer, Object id) {
        standard.write(buffer, id);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return standard.read(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
