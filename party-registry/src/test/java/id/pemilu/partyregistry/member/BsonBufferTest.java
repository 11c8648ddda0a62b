package id.pemilu.partyregistry.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonBinaryWriter;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

/** The hand-written BSON is byte for byte what the driver's writer produces. */
class BsonBufferTest {

    @Test
    void writesTheSameBytesAsTheDriver() {
        byte[] ours = new BsonBuffer(8).start()
                .string("_id", "a1")
                .int64("version", 0x0102030405060708L)
                .startArray("memberships")
                .startDocument().string("fullName", "Ni Luh Putu Ayu Ñandéz").dateTime("birthDate", -86_400_000L)
                .startArray("rowFlags").string(null, "INVALID_NIK").string(null, "UNDERAGE").end()
                .int32("row", -7).end()
                .startDocument().end()
                .end()
                .startArray("empty").end()
                .end().toByteArray();

        BasicOutputBuffer out = new BasicOutputBuffer();
        try (BsonBinaryWriter w = new BsonBinaryWriter(out)) {
            w.writeStartDocument();
            w.writeString("_id", "a1");
            w.writeInt64("version", 0x0102030405060708L);
            w.writeStartArray("memberships");
            w.writeStartDocument();
            w.writeString("fullName", "Ni Luh Putu Ayu Ñandéz");
            w.writeDateTime("birthDate", -86_400_000L);
            w.writeStartArray("rowFlags");
            w.writeString("INVALID_NIK");
            w.writeString("UNDERAGE");
            w.writeEndArray();
            w.writeInt32("row", -7);
            w.writeEndDocument();
            w.writeStartDocument();
            w.writeEndDocument();
            w.writeEndArray();
            w.writeStartArray("empty");
            w.writeEndArray();
            w.writeEndDocument();
        }
        assertThat(ours).isEqualTo(out.toByteArray());
    }

    @Test
    void refusesMalformedDocuments() {
        assertThatThrownBy(() -> new BsonBuffer(16).start().startArray("a").end().toByteArray())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("still open");
        assertThatThrownBy(() -> new BsonBuffer(16).start().startArray("a").string("named", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BsonBuffer(16).start().string(null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BsonBuffer(16).string("a", "x")).isInstanceOf(IllegalStateException.class);
    }
}
