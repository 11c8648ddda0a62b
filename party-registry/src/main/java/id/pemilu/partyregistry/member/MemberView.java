package id.pemilu.partyregistry.member;

import id.pemilu.partyregistry.crypto.NikCipher;
import id.pemilu.partyregistry.party.Change;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A membership as staff see it. {@code nik} is the readable NIK only for roles that need it (the party's own
 * operator and the KPU covering the member's kab/kota); everyone else gets the masked form and neither birth date
 * nor gender (together with the kab/kota they would give back most of the masked digits).
 */
record MemberView(String memberId, String nik, String fullName, String gender, LocalDate birthDate, String ktaNumber,
                  String kabKotaCode, MemberStatus status, String statusReason, Set<Flag> flags, boolean counted,
                  String factualResult, String complaintId, List<Change> history) {

    /** {@code readableNik} null: the caller gets the masked form. */
    static MemberView of(Person person, Membership m, Set<String> completed, String readableNik) {
        boolean readable = readableNik != null;
        return new MemberView(person.getId(), readable ? readableNik : NikCipher.mask(person.getNikMasked()),
                m.getFullName(), readable ? m.getGender() : null, readable ? m.getBirthDate() : null,
                m.getKtaNumber(), m.getKabKotaCode(), m.getStatus(), m.getStatusReason(),
                person.flags(m, completed), person.counted(m, completed), m.getFactualResult(), m.getComplaintId(),
                m.getHistory());
    }
}
