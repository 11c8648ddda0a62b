package id.pemilu.partyregistry.citizen;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.partyregistry.party.Change;
import java.time.Instant;
import java.util.List;

/**
 * A complaint as staff see it. The complainant's {@code contact} (phone or e-mail) is for KPU and Bawaslu only: the
 * party complained about never sees how to reach the citizen who disputed their listing.
 */
record ComplaintView(String id, Long version, String partyId, String kabKotaCode, String statement, String contact,
                     Complaint.Status status, Instant filedAt, Instant answerDeadline, Complaint.Answer answer,
                     Complaint.Decision decision, List<Change> history) {

    static ComplaintView of(Complaint c, Caller caller) {
        return new ComplaintView(c.getId(), c.getVersion(), c.getPartyId(), c.getKabKotaCode(), c.getStatement(),
                seesContact(caller) ? c.getContact() : null, c.getStatus(), c.getFiledAt(), c.getAnswerDeadline(),
                c.getAnswer(), c.getDecision(), c.getHistory());
    }

    static boolean seesContact(Caller caller) {
        return !caller.hasRole(Roles.PARTY_OPERATOR) && (caller.hasRole(Roles.KPU_RI)
                || caller.hasRole(Roles.KPU_PROVINSI) || caller.hasRole(Roles.KPU_KABKOTA)
                || caller.hasRole(Roles.BAWASLU));
    }
}
