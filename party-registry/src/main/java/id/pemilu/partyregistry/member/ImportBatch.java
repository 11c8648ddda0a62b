package id.pemilu.partyregistry.member;

import id.pemilu.partyregistry.crypto.NikCipher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Turns up to a thousand parsed rows of one party's list into writes: new persons, new memberships of persons
 * already known, and extra rows (identical duplicates). Also collects the per-row report entries and the other
 * parties whose members now carry the OTHER_PARTY flag.
 */
final class ImportBatch {

    /**
     * One readable row with everything that depends on the row alone, worked out while the previous batch is written:
     * the NIK hash, the NIK's own flags, the encrypted and the masked NIK.
     */
    record Parsed(int row, MemberRow member, String nikHash, Set<Flag> rowFlags, String nikEncrypted,
                  String nikMasked) {

        static Parsed of(int row, MemberRow member, NikHasher hasher, NikCheck check, NikCipher cipher,
                         LocalDate today) {
            return new Parsed(row, member, hasher.hash(member.nik()),
                    check.check(member.nik(), member.birthDate(), member.gender(), today),
                    cipher.encrypt(member.nik()), NikCipher.mask(member.nik()));
        }
    }

    final List<Person> inserts = new ArrayList<>();
    final List<Members.ImportDelta> updates = new ArrayList<>();
    final List<Document> problems = new ArrayList<>();
    final Set<String> otherParties = new HashSet<>();
    long imported;
    long flagged;

    static ImportBatch build(String importId, String partyId, List<Parsed> rows, Map<String, Person> existing,
                             Map<String, String> officials, Set<String> completedImports) {
        ImportBatch batch = new ImportBatch();
        Map<String, List<Parsed>> byHash = new LinkedHashMap<>();
        rows.forEach(p -> byHash.computeIfAbsent(p.nikHash(), h -> new ArrayList<>()).add(p));
        for (var entry : byHash.entrySet()) {
            String hash = entry.getKey();
            List<Parsed> same = entry.getValue();
            Person person = existing.get(hash);
            Membership current = person == null ? null : person.membership(partyId).orElse(null);
            boolean listedBefore = current != null && current.visible(completedImports);
            boolean otherParty = person != null && person.getMemberships().stream()
                    .anyMatch(m -> !m.getPartyId().equals(partyId) && !m.getStatus().isFinal()
                            && m.visible(completedImports));
            String agency = person != null && person.getOfficialAgency() != null ? person.getOfficialAgency()
                    : officials.get(hash);
            Membership created = null;
            List<SourceRow> extraRows = new ArrayList<>();
            for (int i = 0; i < same.size(); i++) {
                Parsed p = same.get(i);
                Set<Flag> rowFlags = p.rowFlags();
                SourceRow source = new SourceRow(importId, p.row());
                if (current == null && created == null) {
                    created = new Membership(partyId, p.member(), rowFlags, source);
                } else {
                    extraRows.add(source);
                }
                Set<Flag> reported = rowFlags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(rowFlags);
                if (i > 0 || listedBefore || current != null) {
                    reported.add(Flag.DUPLICATE);
                }
                if (otherParty) {
                    reported.add(Flag.OTHER_PARTY);
                }
                if (agency != null) {
                    reported.add(Flag.OFFICIAL);
                }
                batch.imported++;
                if (!reported.isEmpty()) {
                    batch.flagged++;
                    batch.problems.add(problem(importId, p.row(), p.nikMasked(), "FLAGGED",
                            reported.stream().map(Flag::name).toList()));
                }
            }
            if (otherParty) {
                person.getMemberships().stream().map(Membership::getPartyId).filter(id -> !id.equals(partyId))
                        .forEach(batch.otherParties::add);
            }
            if (person == null) {
                Person fresh = new Person(hash, same.get(0).nikEncrypted(), same.get(0).nikMasked());
                if (agency != null) {
                    fresh.markOfficial(agency);
                }
                created.getRows().addAll(extraRows);
                fresh.getMemberships().add(created);
                batch.inserts.add(fresh);
            } else if (created != null) {
                created.getRows().addAll(extraRows);
                batch.updates.add(new Members.ImportDelta(hash, partyId, created, List.of()));
            } else {
                batch.updates.add(new Members.ImportDelta(hash, partyId, null, extraRows));
            }
        }
        return batch;
    }

    static Document problem(String importId, int row, String nikMasked, String kind, List<String> problems) {
        return new Document("_id", importId + ":" + row).append("importId", importId).append("row", row)
                .append("nik", nikMasked).append("kind", kind).append("problems", problems);
    }
}
