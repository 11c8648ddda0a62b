package id.pemilu.common.mongo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code $pull} of the elements of a top-level array of subdocuments whose field {@code key} equals a string, done
 * on a stored document's BSON bytes. The outbox relay and the transparency log's sequencer each take their entry out
 * of a document this way once per write; the stock store decodes the whole document, copies it deeply twice,
 * compares the copies and encodes it again for that (a tenth of recap-service's CPU per confirmed result, issue 22).
 * Here only the array is rewritten and the rest of the document copied as bytes.
 *
 * <p>The result is byte for byte what the stock store stores after the same update (BSON of the decoded document
 * without the matching elements, the array's elements numbered again from 0). Whatever this class does not read with
 * certainty (an element that is not a subdocument, a {@code key} holding an array, which a query would search, a
 * field that is not an array, an unknown BSON type, a malformed length) answers {@link #UNSUPPORTED}, and the
 * caller leaves the update to the stock store.
 */
final class BsonPull {

    /** The update is not one this class does; nothing was changed. */
    static final byte[] UNSUPPORTED = new byte[0];

    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte STRING = 0x02;

    private BsonPull() {
    }

    /**
     * @return the document's new bytes; {@code document} itself (the same array) when no element matched or the
     * field is missing; {@link #UNSUPPORTED} when the stock store must do it
     */
    static byte[] pull(byte[] document, String field, String key, String value) {
        try {
            return pullChecked(document, field.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8));
        } catch (IndexOutOfBoundsException e) {
            return UNSUPPORTED;
        }
    }

    private static byte[] pullChecked(byte[] doc, byte[] field, byte[] key, byte[] value) {
        if (doc.length < 5 || intAt(doc, 0) != doc.length || doc[doc.length - 1] != 0) {
            return UNSUPPORTED;
        }
        int at = 4;
        while (doc[at] != 0) {
            byte type = doc[at];
            int name = at + 1;
            int nameEnd = cstringEnd(doc, name);
            int valueAt = nameEnd + 1;
            int length = valueLength(doc, type, valueAt);
            if (length < 0) {
                return UNSUPPORTED;
            }
            if (sameBytes(doc, name, nameEnd, field)) {
                if (type != ARRAY) {
                    return UNSUPPORTED; // MongoDB refuses $pull on a non-array value: the stock store says so
                }
                return pullFromArray(doc, valueAt, length, key, value);
            }
            at = valueAt + length;
        }
        return doc; // no such field: nothing to pull
    }

    private static byte[] pullFromArray(byte[] doc, int arrayAt, int arrayLength, byte[] key, byte[] value) {
        int end = arrayAt + arrayLength - 1; // the array's terminating 0
        if (doc[end] != 0) {
            return UNSUPPORTED;
        }
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(arrayLength);
        int index = 0;
        boolean removed = false;
        int at = arrayAt + 4;
        while (at < end) {
            byte type = doc[at];
            int valueAt = cstringEnd(doc, at + 1) + 1;
            if (type != DOCUMENT) {
                return UNSUPPORTED;
            }
            int length = intAt(doc, valueAt);
            if (length < 5 || valueAt + length > end) {
                return UNSUPPORTED;
            }
            int matches = matches(doc, valueAt, length, key, value);
            if (matches < 0) {
                return UNSUPPORTED;
            }
            if (matches == 1) {
                removed = true;
            } else {
                kept.write(DOCUMENT);
                byte[] name = Integer.toString(index++).getBytes(StandardCharsets.US_ASCII);
                kept.write(name, 0, name.length);
                kept.write(0);
                kept.write(doc, valueAt, length);
            }
            at = valueAt + length;
        }
        if (at != end) {
            return UNSUPPORTED;
        }
        if (!removed) {
            return doc;
        }
        byte[] elements = kept.toByteArray();
        int newArrayLength = 4 + elements.length + 1;
        byte[] out = new byte[doc.length - arrayLength + newArrayLength];
        System.arraycopy(doc, 0, out, 0, arrayAt);
        putInt(out, arrayAt, newArrayLength);
        System.arraycopy(elements, 0, out, arrayAt + 4, elements.length);
        out[arrayAt + 4 + elements.length] = 0;
        int rest = arrayAt + arrayLength;
        System.arraycopy(doc, rest, out, arrayAt + newArrayLength, doc.length - rest);
        putInt(out, 0, out.length);
        return out;
    }

    /** 1 if the subdocument's top-level {@code key} is the string {@code value}, 0 if not, -1 if unsure. */
    private static int matches(byte[] doc, int subAt, int subLength, byte[] key, byte[] value) {
        int end = subAt + subLength - 1;
        int at = subAt + 4;
        int found = 0;
        while (at < end) {
            byte type = doc[at];
            int name = at + 1;
            int nameEnd = cstringEnd(doc, name);
            int valueAt = nameEnd + 1;
            int length = valueLength(doc, type, valueAt);
            if (length < 0) {
                return -1;
            }
            if (sameBytes(doc, name, nameEnd, key)) {
                if (type == ARRAY || found != 0) {
                    return -1; // an array is searched by a query, a repeated name is ambiguous: the stock store decides
                }
                found = type == STRING && length == 4 + value.length + 1
                        && Arrays.equals(doc, valueAt + 4, valueAt + 4 + value.length, value, 0, value.length)
                        ? 1 : 2;
            }
            at = valueAt + length;
        }
        if (at != end || doc[end] != 0) {
            return -1;
        }
        return found == 1 ? 1 : 0;
    }

    /** The length of a value of the given BSON type starting at {@code at}, or -1 for a type not read here. */
    static int valueLength(byte[] doc, byte type, int at) {
        return switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> 8; // double, UTC datetime, timestamp, int64
            case 0x02, 0x0D, 0x0E -> 4 + nonNegative(intAt(doc, at)); // string, JavaScript, symbol
            case 0x03, 0x04, 0x0F -> nonNegative(intAt(doc, at)); // document, array, code with scope
            case 0x05 -> 4 + 1 + nonNegative(intAt(doc, at)); // binary
            case 0x06, 0x0A, (byte) 0xFF, 0x7F -> 0; // undefined, null, min key, max key
            case 0x07 -> 12; // ObjectId
            case 0x08 -> 1; // boolean
            case 0x0B -> { // regular expression: two C strings
                int second = cstringEnd(doc, at) + 1;
                yield cstringEnd(doc, second) + 1 - at;
            }
            case 0x0C -> 4 + nonNegative(intAt(doc, at)) + 12; // DBPointer
            case 0x10 -> 4; // int32
            case 0x13 -> 16; // decimal128
            default -> -1;
        };
    }

    private static int nonNegative(int length) {
        if (length < 0) {
            throw new IndexOutOfBoundsException("negative BSON length");
        }
        return length;
    }

    static int cstringEnd(byte[] doc, int at) {
        int i = at;
        while (doc[i] != 0) {
            i++;
        }
        return i;
    }

    private static boolean sameBytes(byte[] doc, int from, int to, byte[] expected) {
        return to - from == expected.length && Arrays.equals(doc, from, to, expected, 0, expected.length);
    }

    static int intAt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
