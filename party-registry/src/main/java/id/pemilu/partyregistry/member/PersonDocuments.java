package id.pemilu.partyregistry.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Writes a person as an import creates it (one membership, rows, no history, no events) straight to BSON, in exactly
 * the shape Spring Data's mapping writes for {@link Person} (same fields, types and {@code _class}); an import of a
 * million rows spent about a third of its CPU time in the generic mapping. Other persons are saved through the
 * mapping as before.
 */
final class PersonDocuments {

    private static final String TYPE_KEY = "_class";

    private final MongoConverter converter;
    private final String typeAlias;
    // birth dates repeat a lot; the mapping's own conversion (with its time zone) is asked once per date
    private final Map<LocalDate, Date> dates = new ConcurrentHashMap<>();

    PersonDocuments(MongoConverter converter) {
        this.converter = converter;
        this.typeAlias = Person.class.getName();
    }

    /** The document to insert for a person not stored yet. */
    RawBsonDocument toInsert(Person person) {
        if (!fresh(person)) {
            throw new IllegalArgumentException("Only a person as an import creates it is written directly.");
        }
        BasicOutputBuffer out = new BasicOutputBuffer(768);
        try (BsonBinaryWriter w = new BsonBinaryWriter(out)) {
            w.writeStartDocument();
            w.writeString("_id", person.getId());
            w.writeInt64("version", person.getVersion());
            string(w, "nikEncrypted", person.getNikEncrypted());
            string(w, "nikMasked", person.getNikMasked());
            string(w, "officialAgency", person.getOfficialAgency());
            w.writeStartArray("memberships");
            for (Membership m : person.getMemberships()) {
                membership(w, m);
            }
            w.writeEndArray();
            w.writeStartArray("extraRows");
            for (ExtraRow r : person.getExtraRows()) {
                w.writeStartDocument();
                string(w, "partyId", r.partyId());
                string(w, "importId", r.importId());
                w.writeInt32("row", r.row());
                w.writeEndDocument();
            }
            w.writeEndArray();
            w.writeStartArray("outbox");
            w.writeEndArray();
            w.writeString(TYPE_KEY, typeAlias);
            w.writeEndDocument();
        }
        return new RawBsonDocument(out.toByteArray());
    }

    /** What this class writes itself: no history, no events (an import never creates either). */
    private static boolean fresh(Person person) {
        return person.getId() != null && person.getVersion() != null && person.getOutbox().isEmpty()
                && person.getMemberships().stream().allMatch(m -> m.getHistory().isEmpty() && m.getStatus() != null);
    }

    private void membership(BsonBinaryWriter w, Membership m) {
        w.writeStartDocument();
        string(w, "partyId", m.getPartyId());
        string(w, "fullName", m.getFullName());
        string(w, "gender", m.getGender());
        if (m.getBirthDate() != null) {
            w.writeDateTime("birthDate", date(m.getBirthDate()).getTime());
        }
        string(w, "ktaNumber", m.getKtaNumber());
        string(w, "kabKotaCode", m.getKabKotaCode());
        w.writeStartArray("rowFlags");
        for (Flag f : m.getRowFlags()) {
            w.writeString(f.name());
        }
        w.writeEndArray();
        w.writeStartArray("rows");
        for (SourceRow r : m.getRows()) {
            w.writeStartDocument();
            string(w, "importId", r.importId());
            w.writeInt32("row", r.row());
            w.writeEndDocument();
        }
        w.writeEndArray();
        w.writeString("status", m.getStatus().name());
        string(w, "statusReason", m.getStatusReason());
        string(w, "factualResult", m.getFactualResult());
        string(w, "factualReason", m.getFactualReason());
        string(w, "complaintId", m.getComplaintId());
        string(w, "replacedBy", m.getReplacedBy());
        w.writeStartArray("history");
        w.writeEndArray();
        w.writeEndDocument();
    }

    /** A person with only what decides whether its memberships count, from a document projected to those fields. */
    static Person forCounting(org.bson.Document document) {
        Person person = new Person();
        String agency = document.getString("officialAgency");
        if (agency != null) {
            person.markOfficial(agency);
        }
        for (org.bson.Document m : document.getList("memberships", org.bson.Document.class, List.of())) {
            List<Flag> flags = new ArrayList<>();
            for (String flag : m.getList("rowFlags", String.class, List.of())) {
                flags.add(Flag.valueOf(flag));
            }
            List<SourceRow> rows = new ArrayList<>();
            for (org.bson.Document r : m.getList("rows", org.bson.Document.class, List.of())) {
                rows.add(new SourceRow(r.getString("importId"), r.getInteger("row", 0)));
            }
            String status = m.getString("status");
            person.getMemberships().add(new Membership(m.getString("partyId"), m.getString("kabKotaCode"),
                    status == null ? MemberStatus.PENDING : MemberStatus.valueOf(status), flags, rows));
        }
        for (org.bson.Document r : document.getList("extraRows", org.bson.Document.class, List.of())) {
            person.getExtraRows().add(new ExtraRow(r.getString("partyId"), r.getString("importId"),
                    r.getInteger("row", 0)));
        }
        return person;
    }

    private Date date(LocalDate date) {
        return dates.computeIfAbsent(date, d -> (Date) converter.convertToMongoType(d));
    }

    private static void string(BsonBinaryWriter w, String name, String value) {
        if (value != null) {
            w.writeString(name, value);
        }
    }
}
