package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * A document of the embedded store as its BSON bytes. The collection maps hold documents this way (encoded once when
 * written, decoded each time one is read): H2 rewrites a whole page of documents whenever one of them changes and
 * reads a whole page to insert one, and with ids in random order that happened for nearly every insert; with the bytes
 * at hand both are plain copies instead of re-encoding and decoding every document of the page. The bytes are also a
 * quarter of the memory of the decoded document, so the same cache holds four times as many documents.
 */
final class StoredBson {

    private final byte[] bytes;

    StoredBson(byte[] bytes) {
        this.bytes = bytes;
    }

    static StoredBson of(Document document) {
        byte[] written = StoredBsonWriter.encode(document);
        if (written != null) {
            return new StoredBson(written);
        }
        ByteBuf buffer = Unpooled.buffer(512);
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return new StoredBson(bytes);
    }

    /** A stored value as a document: decoded from its bytes, or a document of the old format as it was read. */
    static Document document(Object stored) {
        if (stored == null || stored instanceof Document) {
            return (Document) stored;
        }
        return ((StoredBson) stored).decode();
    }

    /** A fresh copy each call: what callers change never reaches the store. */
    Document decode() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredBson stored && Arrays.equals(bytes, stored.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
