package id.pemilu.partyregistry.member;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one BSON document into a byte array, element by element, without the driver's generic writer (which checks
 * its state and every field name on every call: most of the time an import spent building its documents). Only what
 * {@link PersonDocuments} needs: strings, 32- and 64-bit integers, dates, documents and arrays. Field names are the
 * caller's ASCII constants.
 */
final class BsonBuffer {

    private static final int NESTING_LIMIT = 16;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte DATE_TIME = 0x09;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;

    private byte[] bytes;
    private int size;
    // start of each open document or array, and the next element index of an open array (-1 for a document)
    private final int[] starts = new int[NESTING_LIMIT];
    private final int[] indexes = new int[NESTING_LIMIT];
    private int depth;

    BsonBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** Opens the top-level document. */
    BsonBuffer start() {
        open(-1);
        return this;
    }

    /** A document as the next element of the open array. */
    BsonBuffer startDocument() {
        element(DOCUMENT, null);
        open(-1);
        return this;
    }

    BsonBuffer startArray(String name) {
        element(ARRAY, name);
        open(0);
        return this;
    }

    /** Closes the innermost open document or array. */
    BsonBuffer end() {
        put((byte) 0);
        depth--;
        int start = starts[depth];
        writeInt(start, size - start);
        return this;
    }

    BsonBuffer string(String name, String value) {
        element(STRING, name);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length + 1);
        put(utf8);
        put((byte) 0);
        return this;
    }

    /** Writes the string only when it is not null (the mapping leaves null properties out). */
    BsonBuffer stringIfPresent(String name, String value) {
        return value == null ? this : string(name, value);
    }

    BsonBuffer int32(String name, int value) {
        element(INT32, name);
        int32(value);
        return this;
    }

    BsonBuffer int64(String name, long value) {
        element(INT64, name);
        int64(value);
        return this;
    }

    BsonBuffer dateTime(String name, long epochMillis) {
        element(DATE_TIME, name);
        int64(epochMillis);
        return this;
    }

    /** The finished document's bytes; every document and array must be closed. */
    byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " document(s) or array(s) still open");
        }
        return Arrays.copyOf(bytes, size);
    }

    private void open(int arrayIndex) {
        if (depth == starts.length) {
            throw new IllegalStateException("Documents nested too deeply");
        }
        starts[depth] = size;
        indexes[depth] = arrayIndex;
        depth++;
        int32(0);
    }

    /** Type and name of an element; inside an array the name is the element's index. */
    private void element(byte type, String name) {
        if (depth == 0) {
            throw new IllegalStateException("No open document");
        }
        put(type);
        int parent = depth - 1;
        if (indexes[parent] >= 0) {
            if (name != null) {
                throw new IllegalArgumentException("Array elements have no names: " + name);
            }
            putAscii(Integer.toString(indexes[parent]++));
        } else {
            if (name == null) {
                throw new IllegalArgumentException("Document elements need a name");
            }
            putAscii(name);
        }
        put((byte) 0);
    }

    private void putAscii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void int32(int value) {
        ensure(4);
        writeInt(size, value);
        size += 4;
    }

    private void int64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void writeInt(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
