package id.pemilu.recap.result;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Encodes a result's document straight into BSON bytes, for the insert of a first confirmation. The driver's
 * {@link DocumentCodec} looks up a codec for every value by its class; a result holds about 90 small documents (its
 * numbers twice), and that encoding was 7 % of recap-service's CPU in the confirmation benchmark (issue 22); the
 * driver's own writer, fed value by value, still took 4 % (a buffer call and a state check per byte and per name), so
 * the bytes are written here into an array. Only the types a result's document holds are written here (strings, 32-
 * and 64-bit integers, booleans, dates, null, lists and documents); a document holding anything else, or a field name
 * with a NUL char, is encoded by the driver's codec, so the bytes are always the ones the driver would send
 * ({@code ResultDocumentsTest}).
 */
final class BsonBytes {

    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final String[] INDEX_NAMES = new String[256];

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) {
            INDEX_NAMES[i] = Integer.toString(i);
        }
    }

    private byte[] bytes = new byte[8192];
    private int position;

    private BsonBytes() {
    }

    static RawBsonDocument of(org.bson.Document document) {
        BsonBytes out = new BsonBytes();
        try {
            out.document(document);
        } catch (NotPlain e) {
            // as the collection encodes a document it inserts: its _id first
            org.bson.io.BasicOutputBuffer buffer = new org.bson.io.BasicOutputBuffer();
            CODEC.encode(new org.bson.BsonBinaryWriter(buffer), document,
                    org.bson.codecs.EncoderContext.builder().isEncodingCollectibleDocument(true).build());
            return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
        }
        return new RawBsonDocument(out.bytes, 0, out.position);
    }

    /** A value or name not written here: the whole document goes to the driver's codec instead. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private void document(org.bson.Document document) {
        int start = position;
        int32(0);
        if (document.containsKey("_id")) {
            element("_id", document.get("_id"));
        }
        for (Map.Entry<String, Object> e : document.entrySet()) {
            if (!e.getKey().equals("_id")) {
                element(e.getKey(), e.getValue());
            }
        }
        end(start);
    }

    private void array(List<?> list) {
        int start = position;
        int32(0);
        int i = 0;
        for (Object item : list) {
            element(i < INDEX_NAMES.length ? INDEX_NAMES[i] : Integer.toString(i), item);
            i++;
        }
        end(start);
    }

    private void end(int start) {
        byte1(0);
        int size = position - start;
        bytes[start] = (byte) size;
        bytes[start + 1] = (byte) (size >>> 8);
        bytes[start + 2] = (byte) (size >>> 16);
        bytes[start + 3] = (byte) (size >>> 24);
    }

    private void element(String name, Object value) {
        int typeAt = position;
        byte1(0);
        cstring(name);
        byte type;
        if (value == null) {
            type = 0x0A;
        } else if (value instanceof String s) {
            type = 0x02;
            int start = position;
            int32(0);
            characters(s, false);
            byte1(0);
            int length = position - start - 4;
            position = start;
            int32(length);
            position = start + 4 + length;
        } else if (value instanceof Integer i) {
            type = 0x10;
            int32(i);
        } else if (value instanceof Long l) {
            type = 0x12;
            int64(l);
        } else if (value instanceof Boolean b) {
            type = 0x08;
            byte1(b ? 1 : 0);
        } else if (value instanceof Date d) {
            type = 0x09;
            int64(d.getTime());
        } else if (value instanceof org.bson.Document d) {
            type = 0x03;
            document(d);
        } else if (value instanceof List<?> list) {
            type = 0x04;
            array(list);
        } else {
            throw new NotPlain();
        }
        bytes[typeAt] = type;
    }

    private void cstring(String name) {
        characters(name, true);
        byte1(0);
    }

    /** UTF-8 by code point, a lone surrogate as three bytes: what the driver's {@code OutputBuffer} writes. */
    private void characters(String text, boolean cstring) {
        int length = text.length();
        ensure(length * 3);
        byte[] b = bytes;
        int p = position;
        for (int i = 0; i < length; ) {
            int c = text.charAt(i);
            if (c < 0x80) {
                if (c == 0 && cstring) {
                    throw new NotPlain(); // the driver refuses it (BsonSerializationException), and so does the codec
                }
                b[p++] = (byte) c;
                i++;
                continue;
            }
            c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (c < 0x800) {
                b[p++] = (byte) (0xC0 + (c >> 6));
                b[p++] = (byte) (0x80 + (c & 0x3F));
            } else if (c < 0x10000) {
                b[p++] = (byte) (0xE0 + (c >> 12));
                b[p++] = (byte) (0x80 + ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 + (c & 0x3F));
            } else {
                b[p++] = (byte) (0xF0 + (c >> 18));
                b[p++] = (byte) (0x80 + ((c >> 12) & 0x3F));
                b[p++] = (byte) (0x80 + ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 + (c & 0x3F));
            }
        }
        position = p;
    }

    private void byte1(int value) {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        bytes[position++] = (byte) value;
        bytes[position++] = (byte) (value >>> 8);
        bytes[position++] = (byte) (value >>> 16);
        bytes[position++] = (byte) (value >>> 24);
    }

    private void int64(long value) {
        int32((int) value);
        int32((int) (value >>> 32));
    }

    private void ensure(int more) {
        if (position + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
        }
    }
}
