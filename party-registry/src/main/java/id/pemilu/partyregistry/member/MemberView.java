package id.pemilu.partyregistry.member;

import id.pemilu.partyregistry.party.Change;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A membership as staff see it. {@code nik} is the readable NIK only for roles that need it (the party's own
 * operator and the KPU covering the member's kab/kota); everyone else gets the masked form.
 */
record MemberView(String memberId, String nik, String fullName, String gender, LocalDate birthDate, String ktaNumber,
                  String kabKotaCode, MemberStatus status, String statusReason, Set<Flag> flags, boolean counted,
                  String factualResult, String complaintId, List<Change> history) {

    static MemberView of(Person person, Membership m, Set<String> completed, String nik) {
        return new MemberView(person.getId(), nik, m.getFullName(), m.getGender(), m.getBirthDate(),
                m.getKtaNumber(), m.getKabKotaCode(), m.getStatus(), m.getStatusReason(),
                person.flags(m, completed), person.counted(m, completed), m.getFactualResult(), m.getComplaintId(),
                m.getHistory());
    }
}
