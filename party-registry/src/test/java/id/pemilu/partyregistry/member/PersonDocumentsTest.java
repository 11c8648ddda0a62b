package id.pemilu.partyregistry.member;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.partyregistry.party.Change;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The import writes persons as hand-built BSON: it must be exactly what Spring Data's mapping stores and reads. */
@SpringBootTest
class PersonDocumentsTest {

    @Autowired
    MongoTemplate mongo;

    static Person person(String id, String agency, Set<Flag> flags, LocalDate born, String gender, int extraRows) {
        Person p = new Person(id, "c2lmcmF0LWRpLXNpbmk=" + id, "317101******0001");
        if (agency != null) {
            p.markOfficial(agency);
        }
        Membership m = new Membership("pdt", new MemberRow(Niks.of("31.71.01", born, gender, 1), "  Siti   Aminah ",
                gender, born, "KTA-0001", "3171"), flags, new SourceRow("pdt-import", 7));
        for (int i = 0; i < extraRows; i++) {
            m.getRows().add(new SourceRow("pdt-import", 100 + i));
        }
        p.getMemberships().add(m);
        return p;
    }

    static List<Person> samples(String prefix) {
        List<Person> persons = new ArrayList<>();
        persons.add(person(prefix + "-plain", null, Set.of(), LocalDate.of(1985, 3, 9), "L", 0));
        persons.add(person(prefix + "-flagged", "KPU", EnumSet.of(Flag.INVALID_NIK, Flag.UNDERAGE),
                LocalDate.of(2010, 12, 31), "P", 2));
        persons.add(person(prefix + "-leap", "Bawaslu", EnumSet.of(Flag.DATA_MISMATCH), LocalDate.of(1960, 2, 29),
                "P", 1));
        return persons;
    }

    @Test
    void handBuiltDocumentIsWhatTheMappingWrites() {
        PersonDocuments documents = new PersonDocuments(mongo.getConverter());
        for (Person person : samples("w")) {
            Document mapped = new Document();
            mongo.getConverter().write(person, mapped);
            Document built = decode(documents.toInsert(person));
            assertThat(built).isEqualTo(mapped);
            assertThat(new ArrayList<>(built.keySet())).containsExactlyElementsOf(mapped.keySet());
        }
    }

    @Test
    void storedHandBuiltDocumentsEqualStoredMappedOnesAndReadBackAsTheSamePerson() {
        PersonDocuments documents = new PersonDocuments(mongo.getConverter());
        var raw = mongo.getCollection(Person.COLLECTION).withDocumentClass(BsonDocument.class);
        List<Person> viaMapping = samples("m");
        List<Person> handBuilt = samples("h");
        viaMapping.forEach(mongo::insert);
        raw.insertMany(handBuilt.stream().map(documents::toInsert).toList());
        for (int i = 0; i < handBuilt.size(); i++) {
            BsonDocument stored = raw.find(eq("_id", handBuilt.get(i).getId())).first();
            BsonDocument reference = raw.find(eq("_id", viaMapping.get(i).getId())).first();
            assertThat(stored).isNotNull();
            stored.remove("_id");
            reference.remove("_id");
            stored.remove("nikEncrypted");
            reference.remove("nikEncrypted");
            assertThat(stored).isEqualTo(reference);

            Person read = mongo.findById(handBuilt.get(i).getId(), Person.class);
            assertThat(read).usingRecursiveComparison().isEqualTo(handBuilt.get(i));
            assertThat(read.getMemberships().get(0).getBirthDate())
                    .isEqualTo(handBuilt.get(i).getMemberships().get(0).getBirthDate());
        }
    }

    @Test
    void refusesPersonsWithHistory() {
        Person person = person("x-history", null, Set.of(), LocalDate.of(1985, 3, 9), "L", 0);
        person.getMemberships().get(0).record(Change.now("kpu", "verifikasi", ""));
        assertThatThrownBy(() -> new PersonDocuments(mongo.getConverter()).toInsert(person))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Document decode(RawBsonDocument raw) {
        return raw.decode(new org.bson.codecs.DocumentCodec());
    }
}
