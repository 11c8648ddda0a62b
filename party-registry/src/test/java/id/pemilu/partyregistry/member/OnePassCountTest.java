package id.pemilu.partyregistry.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The requirements report counts members of several parties in one pass over raw documents: it must give exactly what
 * the full rescan of each party through the mapping gives.
 */
@SpringBootTest
class OnePassCountTest {

    static final List<String> PARTIES = List.of("opa", "opb", "opc");
    static final List<String> KABKOTA = List.of("31.71", "31.72", "32.73");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Members members;
    @Autowired
    MemberImports imports;
    @Autowired
    MemberService service;

    @Test
    void onePassCountsEqualTheFullRescanOfEachParty() {
        MemberImport done = new MemberImport("opa-done", "opa", "a.csv", "sha", 1, 1, "test");
        done.complete();
        imports.save(done);
        imports.save(new MemberImport("opa-running", "opa", "b.csv", "sha2", 1, 1, "test"));
        List<String> importIds = new ArrayList<>(List.of("opa-done", "opa-running"));
        importIds.add(null);
        Random random = new Random(11);
        List<Flag> flags = List.of(Flag.values());
        List<MemberStatus> statuses = List.of(MemberStatus.values());
        for (int i = 0; i < 600; i++) {
            Person person = new Person("op-" + i, "enc", "masked");
            if (random.nextInt(10) == 0) {
                person.markOfficial("KPU");
            }
            for (String party : PARTIES) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                Set<Flag> rowFlags = EnumSet.noneOf(Flag.class);
                if (random.nextInt(4) == 0) {
                    rowFlags.add(flags.get(random.nextInt(flags.size())));
                }
                MemberRow row = new MemberRow(Niks.of("31.71.01", LocalDate.of(1980, 1, 1), "L", 1 + i), "Nama " + i,
                        "L", LocalDate.of(1980, 1, 1), "K" + i, KABKOTA.get(random.nextInt(KABKOTA.size())));
                Membership m = new Membership(party, row, rowFlags,
                        new SourceRow(importIds.get(random.nextInt(3)), i));
                if (random.nextInt(4) == 0) {
                    m.getRows().add(new SourceRow(importIds.get(random.nextInt(3)), 1000 + i));
                }
                if (random.nextInt(3) == 0) {
                    m.setStatus(statuses.get(random.nextInt(statuses.size())), "acak");
                }
                person.getMemberships().add(m);
                if (random.nextInt(8) == 0) {
                    person.getExtraRows().add(new ExtraRow(party, importIds.get(random.nextInt(3)), 2000 + i));
                }
            }
            mongo.insert(person);
        }

        Set<String> completed = imports.completedIds();
        Map<String, Map<String, Long>> rescanned = new HashMap<>();
        for (String party : PARTIES) {
            Map<String, Long> counts = new HashMap<>();
            members.forEachOfParty(party, person -> person.membership(party)
                    .filter(m -> person.counted(m, completed))
                    .ifPresent(m -> counts.merge(m.getKabKotaCode(), 1L, Long::sum)));
            rescanned.put(party, counts);
        }
        long counted = rescanned.values().stream().flatMap(c -> c.values().stream()).mapToLong(Long::longValue).sum();
        assertThat(counted).as("some members count, most do not").isBetween(50L, 900L);

        assertThat(service.countedPerKabKota(PARTIES)).isEqualTo(rescanned);
        for (String party : PARTIES) {
            assertThat(service.countedPerKabKota(party)).isEqualTo(rescanned.get(party));
        }
    }
}
