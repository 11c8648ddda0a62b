package id.pemilu.partyregistry.member;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.partyregistry.crypto.NikCipher;
import id.pemilu.partyregistry.party.MemberCounts;
import id.pemilu.partyregistry.party.PartyService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Member lists, flags, verification (MS/TMS), repairs and the staff lists of officials. */
@Service
public class MemberService implements MemberCounts {

    private final Members members;
    private final MemberImports imports;
    private final Officials officials;
    private final NikHasher hasher;
    private final NikCipher cipher;
    private final PartyService parties;
    private final MemberOutbox outbox;
    private final Clock clock;
    private final NikCheck check = new NikCheck(Wilayah.indonesia());

    MemberService(Members members, MemberImports imports, Officials officials, NikHasher hasher, NikCipher cipher,
                  PartyService parties, MemberOutbox outbox, Clock clock) {
        this.members = members;
        this.imports = imports;
        this.officials = officials;
        this.hasher = hasher;
        this.cipher = cipher;
        this.parties = parties;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> countedPerKabKota(String partyId) {
        return countedPerKabKota(List.of(partyId)).get(partyId);
    }

    /** The counts of several parties in one pass over the members. */
    @Override
    public Map<String, Map<String, Long>> countedPerKabKota(Collection<String> partyIds) {
        Set<String> completed = imports.completedIds();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        partyIds.forEach(id -> counts.put(id, new HashMap<>()));
        members.forEachForCounting(counts.keySet(), person -> counts.forEach((partyId, perKabKota) ->
                person.membership(partyId).filter(m -> person.counted(m, completed))
                        .ifPresent(m -> perKabKota.merge(m.getKabKotaCode(), 1L, Long::sum))));
        return counts;
    }

    /** @param name part of the member's name, any case (null: every name) */
    List<MemberView> list(String partyId, String kabKota, Flag flag, MemberStatus status, String name, int limit,
                          Caller caller) {
        Set<String> completed = imports.completedIds();
        String part = name == null || name.isBlank() ? null : name.strip().toLowerCase(java.util.Locale.ROOT);
        try (var persons = members.streamOfParty(partyId)) {
            return persons.flatMap(person -> person.membership(partyId).stream()
                            .filter(m -> m.visible(completed)
                                    && (kabKota == null || m.getKabKotaCode().equals(kabKota))
                                    && (status == null || m.getStatus() == status)
                                    && (part == null || (m.getFullName() != null && m.getFullName()
                                    .toLowerCase(java.util.Locale.ROOT).contains(part)))
                                    && (flag == null || person.flags(m, completed).contains(flag)))
                            .map(m -> MemberView.of(person, m, completed, nikFor(person, m, caller))))
                    .limit(limit).toList();
        }
    }

    MemberView get(String partyId, String memberId, Caller caller) {
        Person person = members.find(memberId).orElseThrow(() -> DomainException.notFound("Anggota tidak ditemukan."));
        Membership m = person.require(partyId);
        Set<String> completed = imports.completedIds();
        if (!m.visible(completed)) {
            throw DomainException.notFound("Anggota tidak ditemukan.");
        }
        return MemberView.of(person, m, completed, nikFor(person, m, caller));
    }

    private String nikFor(Person person, Membership m, Caller caller) {
        boolean needsIt = (caller.hasRole(Roles.PARTY_OPERATOR) && m.getPartyId().equals(caller.partyId()))
                || caller.hasRole(Roles.KPU_RI)
                || (caller.hasRole(Roles.KPU_KABKOTA) && caller.coversRegion(m.getKabKotaCode()));
        return needsIt ? cipher.decrypt(person.getNikEncrypted()) : null;
    }

    /** KPU kab/kota (of the member's kab/kota) or KPU RI marks a member MS or TMS. */
    MemberView verify(String partyId, String memberId, MemberStatus result, String reason, Caller caller) {
        requireVerifierRole(caller);
        Person saved = change(memberId, person -> {
            Membership m = person.require(partyId);
            requireVerifier(caller, m);
            person.verify(partyId, result, reason, caller.username());
        });
        parties.reevaluate(partyId);
        return MemberView.of(saved, saved.require(partyId), imports.completedIds(),
                nikFor(saved, saved.require(partyId), caller));
    }

    MemberView recordFactual(String partyId, String memberId, MemberStatus result, String reason, Caller caller) {
        requireVerifierRole(caller);
        Person saved = change(memberId, person -> {
            requireVerifier(caller, person.require(partyId));
            person.recordFactual(partyId, result, reason, caller.username());
        });
        return MemberView.of(saved, saved.require(partyId), imports.completedIds(),
                nikFor(saved, saved.require(partyId), caller));
    }

    /** Before the member is looked up: other roles learn nothing of which members exist. */
    static void requireVerifierRole(Caller caller) {
        if (!caller.hasRole(Roles.KPU_RI) && !caller.hasRole(Roles.KPU_KABKOTA)) {
            throw DomainException.notPermitted("Verifikasi hanya oleh KPU kab/kota tempat anggota terdaftar.");
        }
    }

    static void requireVerifier(Caller caller, Membership m) {
        boolean allowed = caller.hasRole(Roles.KPU_RI)
                || (caller.hasRole(Roles.KPU_KABKOTA) && caller.coversRegion(m.getKabKotaCode()));
        if (!allowed) {
            throw DomainException.notPermitted("Verifikasi hanya oleh KPU kab/kota tempat anggota terdaftar.");
        }
    }

    /** During the repair window the party replaces a TMS member by another person. */
    MemberView replace(String partyId, String memberId, MemberRow replacement, Caller caller) {
        if (!parties.get(partyId).repairWindowOpen(clock.instant())) {
            throw DomainException.conflict("Masa perbaikan tidak sedang dibuka untuk partai ini.");
        }
        String newHash = hasher.hash(replacement.nik());
        if (newHash.equals(memberId)) {
            throw new IllegalArgumentException("Pengganti harus orang lain.");
        }
        change(memberId, person -> person.replace(partyId, newHash, caller.username()));
        Set<Flag> rowFlags = check.check(replacement.nik(), replacement.birthDate(), replacement.gender(),
                LocalDate.now(clock));
        Membership added = new Membership(partyId, replacement, rowFlags, new SourceRow(null, 0));
        added.record(id.pemilu.partyregistry.party.Change.now(caller.username(), "anggota pengganti",
                "perbaikan, mengganti " + memberId));
        Map<String, String> staff = officials.all();
        Person person = members.find(newHash).orElse(null);
        if (person == null) {
            person = new Person(newHash, cipher.encrypt(replacement.nik()), NikCipher.mask(replacement.nik()));
            if (staff.containsKey(newHash)) {
                person.markOfficial(staff.get(newHash));
            }
            person.getMemberships().add(added);
            try {
                members.insert(person);
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("Data sedang diubah; coba lagi.");
            }
        } else {
            if (person.membership(partyId).isPresent()) {
                throw DomainException.conflict("Pengganti sudah tercatat sebagai anggota partai ini.");
            }
            Membership toAdd = added;
            person = change(newHash, p -> p.getMemberships().add(toAdd));
        }
        parties.reevaluate(partyId);
        return MemberView.of(person, person.require(partyId), imports.completedIds(),
                nikFor(person, person.require(partyId), caller));
    }

    /** Staff NIKs of an agency; existing members on the list are flagged at once, later imports too. */
    int uploadOfficials(String agency, List<String> niks, String by) {
        if (agency == null || agency.isBlank()) {
            throw new IllegalArgumentException("Nama instansi wajib diisi.");
        }
        Map<String, String> byHash = new HashMap<>();
        for (String nik : niks) {
            String clean = nik == null ? "" : nik.strip();
            if (!NikCheck.wellFormed(clean)) {
                throw new IllegalArgumentException("NIK pegawai tidak sah (harus 16 angka): "
                        + NikCipher.mask(clean));
            }
            byHash.put(hasher.hash(clean), agency.strip());
        }
        officials.upsert(byHash, by);
        List<String> hashes = new ArrayList<>(byHash.keySet());
        Set<String> affectedParties = new java.util.HashSet<>();
        for (int i = 0; i < hashes.size(); i += 1000) {
            List<String> chunk = hashes.subList(i, Math.min(hashes.size(), i + 1000));
            members.markOfficial(chunk, agency.strip());
            members.findAll(chunk).forEach(p -> p.getMemberships().forEach(m -> affectedParties.add(m.getPartyId())));
        }
        affectedParties.forEach(parties::reevaluate);
        return byHash.size();
    }

    /** Read-modify-write of one person, retried when another write got there first. */
    Person change(String nikHash, Consumer<Person> change) {
        for (int attempt = 1; ; attempt++) {
            Person person = members.find(nikHash).orElseThrow(() -> DomainException.notFound(
                    "Anggota tidak ditemukan."));
            change.accept(person);
            boolean events = !person.getOutbox().isEmpty();
            if (events) {
                outbox.note(nikHash);
            }
            try {
                Person saved = members.save(person);
                if (events) {
                    outbox.publishSoon(nikHash);
                }
                return saved;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw DomainException.conflict("Data anggota sedang diubah; coba lagi.");
                }
            }
        }
    }

    public String hash(String nik) {
        return hasher.hash(nik);
    }

    /** A listing as the citizen check sees it: one party and the member's kab/kota. */
    public record Listing(String partyId, String kabKotaCode) {
    }

    /**
     * Parties that list this NIK under this exact name (case, spacing and punctuation ignored); removed and replaced
     * memberships and rows of unfinished imports are not shown.
     */
    public List<Listing> listings(String nikHash, String fullName) {
        var person = members.find(nikHash);
        if (person.isEmpty()) {
            return List.of();
        }
        Set<String> completed = imports.completedIds();
        String name = comparableName(fullName);
        return person.get().getMemberships().stream()
                .filter(m -> m.visible(completed) && !m.getStatus().isFinal()
                        && comparableName(m.getFullName()).equals(name))
                .map(m -> new Listing(m.getPartyId(), m.getKabKotaCode())).toList();
    }

    static String comparableName(String name) {
        return name == null ? "" : name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
    }

    /** A citizen's complaint: the membership becomes DISPUTED (not counted) and PartyMemberDisputed is raised. */
    public void dispute(String nikHash, String partyId, String complaintId) {
        change(nikHash, p -> p.dispute(partyId, complaintId, "warga (aduan " + complaintId + ")"));
        parties.reevaluate(partyId);
    }

    /** KPU upheld the complaint: removal is final and raises PartyMemberRemoved. */
    public void remove(String nikHash, String partyId, String reason, String by) {
        change(nikHash, p -> p.remove(partyId, reason, by));
        parties.reevaluate(partyId);
    }

    /** KPU rejected the complaint: the member goes back to PENDING for a fresh verification. */
    public void keep(String nikHash, String partyId, String reason, String by) {
        change(nikHash, p -> p.keep(partyId, reason, by));
        parties.reevaluate(partyId);
    }
}
