package id.pemilu.partyregistry.member;

import java.util.List;

final class MemberRequests {

    private MemberRequests() {
    }

    record Verification(MemberStatus result, String reason) {
    }

    record Replacement(String nik, String fullName, String gender, String birthDate, String ktaNumber,
                       String kabKotaCode) {

        MemberRow toRow() {
            return new MemberRow(nik, fullName, gender, MemberRow.date(birthDate), ktaNumber, kabKotaCode);
        }
    }

    record SampleDraw(String kabKotaCode, String seed, Integer size) {
    }

    record OfficialList(String agency, List<String> niks) {
    }
}
