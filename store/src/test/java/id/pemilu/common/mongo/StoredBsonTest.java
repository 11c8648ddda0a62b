package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored documents are exactly the bytes mongo-java-server's own encoder writes, and decode to the same document. */
class StoredBsonTest {

    @Test
    void encodesLikeTheStockEncoder() {
        List<Object> long70 = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long70.add(i % 3 == 0 ? new Document("row", i) : (Object) ("r" + i));
        }
        Document document = new Document("_id", "a1b2").append("version", 7L).append("n", 3).append("x", 1.5)
                .append("ok", true).append("none", null).append("oid", new ObjectId())
                .append("at", Instant.ofEpochMilli(1_700_000_000_123L)).append("uuid", UUID.randomUUID())
                .append("namaLengkap", "Ñoman Ayu").append("kunci_ñ", "nilai")
                .append("memberships", List.of(new Document("partyId", "pnb").append("rows", long70)
                        .append("flags", new LinkedHashSet<>(List.of("DUPLICATE", "OFFICIAL")))
                        .append("history", List.of())))
                .append("nested", new Document("deeper", new Document("list", List.of(List.of(1, 2), List.of()))));

        ByteBuf stock = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, stock);
        byte[] expected = new byte[stock.readableBytes()];
        stock.readBytes(expected);

        StoredBson stored = StoredBson.of(document);
        assertThat(stored.bytes()).isEqualTo(expected);
        assertThat(stored.decode()).isEqualTo(document.cloneDeeply()
                .append("memberships", List.of(new Document("partyId", "pnb").append("rows", long70)
                        .append("flags", List.of("DUPLICATE", "OFFICIAL")).append("history", List.of()))));
        assertThat(StoredBson.of(new Document()).bytes()).hasSize(5);
    }
}
