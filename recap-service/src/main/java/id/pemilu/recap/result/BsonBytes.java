package id.pemilu.recap.result;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.io.BasicOutputBuffer;

/**
 * Encodes a result's document straight into BSON bytes, for the insert of a first confirmation. The driver's
 * {@link DocumentCodec} looks up a codec for every value by its class; a result holds about 90 small documents (its
 * numbers twice), and that encoding was 7 % of recap-service's CPU in the confirmation benchmark (issue 22). Only the
 * types a result's document holds are written here (strings, 32- and 64-bit integers, booleans, dates, lists and
 * documents); a document holding anything else is encoded by the driver's codec, so the bytes are always the ones the
 * driver would send ({@code BsonBytesTest}).
 */
final class BsonBytes {

    private static final DocumentCodec CODEC = new DocumentCodec();

    private BsonBytes() {
    }

    static RawBsonDocument of(org.bson.Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(4096);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            write(writer, document);
        } catch (NotPlain e) {
            return new RawBsonDocument(document, CODEC);
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    /** A value of a type not written here: the whole document goes to the driver's codec instead. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static void write(BsonWriter writer, org.bson.Document document) {
        writer.writeStartDocument();
        Object id = document.get("_id");
        if (id != null) {
            writer.writeName("_id");
            value(writer, id);
        }
        for (Map.Entry<String, Object> e : document.entrySet()) {
            if (e.getKey().equals("_id")) {
                continue;
            }
            writer.writeName(e.getKey());
            value(writer, e.getValue());
        }
        writer.writeEndDocument();
    }

    private static void value(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String s) {
            writer.writeString(s);
        } else if (value instanceof Integer i) {
            writer.writeInt32(i);
        } else if (value instanceof Long l) {
            writer.writeInt64(l);
        } else if (value instanceof Boolean b) {
            writer.writeBoolean(b);
        } else if (value instanceof Date d) {
            writer.writeDateTime(d.getTime());
        } else if (value instanceof org.bson.Document d) {
            write(writer, d);
        } else if (value instanceof List<?> list) {
            writer.writeStartArray();
            for (Object item : list) {
                value(writer, item);
            }
            writer.writeEndArray();
        } else {
            throw new NotPlain();
        }
    }
}
