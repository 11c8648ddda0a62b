package id.pemilu.partyregistry.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.RawBsonDocument;
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
        BsonBuffer w = new BsonBuffer(768).start();
        w.string("_id", person.getId())
                .int64("version", person.getVersion())
                .stringIfPresent("nikEncrypted", person.getNikEncrypted())
                .stringIfPresent("nikMasked", person.getNikMasked())
                .stringIfPresent("officialAgency", person.getOfficialAgency());
        w.startArray("memberships");
        for (Membership m : person.getMemberships()) {
            membership(w, m);
        }
        w.end().startArray("extraRows");
        for (ExtraRow r : person.getExtraRows()) {
            w.startDocument().stringIfPresent("partyId", r.partyId()).stringIfPresent("importId", r.importId())
                    .int32("row", r.row()).end();
        }
        w.end().startArray("outbox").end()
                .string(TYPE_KEY, typeAlias)
                .end();
        return new RawBsonDocument(w.toByteArray());
    }

    /** What this class writes itself: no history, no events (an import never creates either). */
    private static boolean fresh(Person person) {
        if (person.getId() == null || person.getVersion() == null || !person.getOutbox().isEmpty()) {
            return false;
        }
        for (Membership m : person.getMemberships()) {
            if (!m.getHistory().isEmpty() || m.getStatus() == null) {
                return false;
            }
        }
        return true;
    }

    private void membership(BsonBuffer w, Membership m) {
        w.startDocument()
                .stringIfPresent("partyId", m.getPartyId())
                .stringIfPresent("fullName", m.getFullName())
                .stringIfPresent("gender", m.getGender());
        if (m.getBirthDate() != null) {
            w.dateTime("birthDate", date(m.getBirthDate()).getTime());
        }
        w.stringIfPresent("ktaNumber", m.getKtaNumber())
                .stringIfPresent("kabKotaCode", m.getKabKotaCode())
                .startArray("rowFlags");
        for (Flag f : m.getRowFlags()) {
            w.string(null, f.name());
        }
        w.end().startArray("rows");
        for (SourceRow r : m.getRows()) {
            w.startDocument().stringIfPresent("importId", r.importId()).int32("row", r.row()).end();
        }
        w.end()
                .string("status", m.getStatus().name())
                .stringIfPresent("statusReason", m.getStatusReason())
                .stringIfPresent("factualResult", m.getFactualResult())
                .stringIfPresent("factualReason", m.getFactualReason())
                .stringIfPresent("complaintId", m.getComplaintId())
                .stringIfPresent("replacedBy", m.getReplacedBy())
                .startArray("history").end()
                .end();
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
}
