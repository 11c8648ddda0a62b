package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a document of the embedded store as BSON straight into a byte array: the same bytes as mongo-java-server's
 * own encoder, which writes through a Netty buffer one checked byte at a time (a third of the store workers' CPU in
 * recap-service's benchmark profile, 7 Dec, issue 22). Only the types the services store are written here (documents,
 * arrays, strings, 32- and 64-bit integers, doubles, booleans, null, dates, object ids, generic binary); a document
 * holding any other type gives {@code null} and is encoded by the store's own encoder.
 */
final class StoredBsonWriter {

    /** A value of a type this writer leaves to the store's encoder. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private byte[] bytes = new byte[1024];
    private int length;

    private StoredBsonWriter() {
    }

    /** The document's BSON bytes, or null when it holds a type this writer does not write. */
    static byte[] encode(Map<String, Object> document) {
        StoredBsonWriter writer = new StoredBsonWriter();
        try {
            writer.document(document);
        } catch (Unsupported other) {
            return null;
        }
        return Arrays.copyOf(writer.bytes, writer.length);
    }

    private void document(Map<String, ?> document) {
        int start = length;
        int32(0);
        for (String key : document.keySet()) {
            element(key, document.get(key));
        }
        byte1(0);
        putInt32(start, length - start);
    }

    private void array(List<?> values) {
        int start = length;
        int32(0);
        for (int i = 0; i < values.size(); i++) {
            element(Integer.toString(i), values.get(i));
        }
        byte1(0);
        putInt32(start, length - start);
    }

    @SuppressWarnings("unchecked")
    private void element(String key, Object value) {
        if (value == null) {
            header(0x0A, key);
        } else if (value instanceof String text) {
            header(0x02, key);
            string(text);
        } else if (value instanceof Integer number) {
            header(0x10, key);
            int32(number);
        } else if (value instanceof Long number) {
            header(0x12, key);
            int64(number);
        } else if (value instanceof Double number) {
            header(0x01, key);
            int64(Double.doubleToRawLongBits(number));
        } else if (value instanceof Boolean flag) {
            header(0x08, key);
            byte1(flag ? 1 : 0);
        } else if (value instanceof Map<?, ?> map) {
            header(0x03, key);
            document((Map<String, ?>) map);
        } else if (value instanceof List<?> list) {
            header(0x04, key);
            array(list);
        } else if (value instanceof Collection<?> collection) {
            header(0x04, key);
            array(List.copyOf(collection));
        } else if (value instanceof Instant instant) {
            header(0x09, key);
            int64(instant.toEpochMilli());
        } else if (value instanceof ObjectId id) {
            header(0x07, key);
            raw(id.toByteArray());
        } else if (value instanceof BinData binary) {
            header(0x05, key);
            byte[] data = binary.getData();
            int32(data.length);
            byte1(0);
            raw(data);
        } else {
            throw UNSUPPORTED;
        }
    }

    private void header(int type, String key) {
        byte1(type);
        cstring(key);
    }

    private void string(String text) {
        int start = length;
        int32(0);
        utf8(text);
        byte1(0);
        putInt32(start, length - start - 4);
    }

    private void cstring(String text) {
        utf8(text);
        byte1(0);
    }

    private void utf8(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // not ASCII: the JDK's encoder, as the store's encoder uses (unpaired surrogates become '?')
                raw(text.substring(i).getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    private void raw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
    }

    private void byte1(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        putInt32(length, value);
        length += 4;
    }

    private void putInt32(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void int64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[length + i] = (byte) (value >>> (8 * i));
        }
        length += 8;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
