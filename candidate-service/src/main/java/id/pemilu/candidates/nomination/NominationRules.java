package id.pemilu.candidates.nomination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nomination rules (UU 7/2017 and the Supreme Court ruling MA 24 P/HUM/2023 on rounding the women's quota up).
 * Every violation names its rule id and the list position:
 * <ul>
 *   <li>{@value #SEATS_CAP}: no more candidates than the dapil has seats</li>
 *   <li>{@value #WOMEN_QUOTA}: at least 30 % women, rounded up (4 candidates: 2 women)</li>
 *   <li>{@value #ONE_IN_THREE}: at least one woman in every three consecutive positions, list ends included</li>
 *   <li>{@value #MIN_AGE}: 21 years old on election day</li>
 *   <li>{@value #EDUCATION}, {@value #DOCUMENTS}: education level and documents, as data</li>
 *   <li>{@value #PARTY_MEMBER}, {@value #PARTY_ELIGIBLE}: a verified member of an eligible party</li>
 *   <li>{@value #DOUBLE_CANDIDACY}: one person on one list in the whole country (any party, dapil or body)</li>
 *   <li>{@value #DPD_NOT_PARTY_MEMBER}: DPD candidates are individuals, not party members</li>
 *   <li>{@value #CONVICT_DISCLOSURE}: a former convict must disclose it publicly</li>
 * </ul>
 */
public final class NominationRules {

    public static final String SEATS_CAP = "KURSI_MAKS";
    public static final String WOMEN_QUOTA = "KUOTA_PEREMPUAN";
    public static final String ONE_IN_THREE = "SATU_DARI_TIGA";
    public static final String MIN_AGE = "USIA_MIN";
    public static final String EDUCATION = "PENDIDIKAN";
    public static final String DOCUMENTS = "DOKUMEN";
    public static final String PARTY_MEMBER = "ANGGOTA_PARTAI";
    public static final String PARTY_ELIGIBLE = "PARTAI_MEMENUHI_SYARAT";
    public static final String DOUBLE_CANDIDACY = "PENCALONAN_GANDA";
    public static final String DPD_NOT_PARTY_MEMBER = "DPD_BUKAN_ANGGOTA_PARTAI";
    public static final String CONVICT_DISCLOSURE = "MANTAN_TERPIDANA";

    private final NominationRequirements requirements;

    public NominationRules(NominationRequirements requirements) {
        this.requirements = requirements;
    }

    /** Women needed on a list of {@code size}: 30 % rounded up, in integers (size 4 gives 2). */
    public static int womenRequired(int size) {
        return (3 * size + 9) / 10;
    }

    public List<Violation> check(ListUnderCheck list, RuleContext context) {
        List<Violation> violations = new ArrayList<>();
        List<CandidateFacts> candidates = list.candidates();
        if (list.body().partyLists()) {
            checkListShape(list, violations);
            if (!context.partyEligible(list.partyId())) {
                violations.add(new Violation(PARTY_ELIGIBLE, null, "Partai " + list.partyId()
                        + " belum dinyatakan memenuhi syarat sebagai peserta pemilu."));
            }
        }
        Map<String, Integer> firstPosition = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            checkCandidate(list, candidates.get(i), i + 1, context, firstPosition, violations);
        }
        return violations;
    }

    private static void checkListShape(ListUnderCheck list, List<Violation> violations) {
        List<CandidateFacts> candidates = list.candidates();
        int size = candidates.size();
        for (int position = list.seats() + 1; position <= size; position++) {
            violations.add(new Violation(SEATS_CAP, position, "Posisi " + position + " melebihi jumlah kursi dapil ("
                    + list.seats() + "); hapus calon ini."));
        }
        if (size == 0) {
            return;
        }
        long women = candidates.stream().filter(c -> c.gender() == Gender.P).count();
        int required = womenRequired(size);
        if (women < required) {
            violations.add(new Violation(WOMEN_QUOTA, null, "Calon perempuan " + women + " dari " + size
                    + "; paling sedikit " + required + " (30% dibulatkan ke atas)."));
        }
        int lastStart = Math.max(1, size - 2);
        for (int start = 1; start <= lastStart; start++) {
            int end = Math.min(start + 2, size);
            boolean hasWoman = false;
            for (int p = start; p <= end && !hasWoman; p++) {
                hasWoman = candidates.get(p - 1).gender() == Gender.P;
            }
            if (!hasWoman) {
                violations.add(new Violation(ONE_IN_THREE, start, "Posisi " + start + "-" + end
                        + " tanpa calon perempuan; setiap 3 posisi berurutan wajib memuat paling sedikit 1 perempuan."));
            }
        }
    }

    private void checkCandidate(ListUnderCheck list, CandidateFacts c, int position, RuleContext context,
                                Map<String, Integer> firstPosition, List<Violation> violations) {
        LocalDate electionDay = requirements.electionDay();
        if (c.birthDate().plusYears(requirements.minAge()).isAfter(electionDay)) {
            violations.add(new Violation(MIN_AGE, position, c.name() + " belum berusia " + requirements.minAge()
                    + " tahun pada hari pemungutan suara " + electionDay + "."));
        }
        List<String> levels = requirements.educationLevels();
        if (levels.indexOf(c.education()) < levels.indexOf(requirements.minEducation())) {
            violations.add(new Violation(EDUCATION, position, c.name() + ": pendidikan '" + c.education()
                    + "' tidak memenuhi syarat paling rendah " + requirements.minEducation() + " (pilihan: "
                    + String.join(", ", levels) + ")."));
        }
        for (NominationRequirements.DocumentRule document : requirements.documents()) {
            if (document.appliesTo(c.occupation()) && !c.documents().contains(document.type())) {
                violations.add(new Violation(DOCUMENTS, position, c.name() + ": dokumen " + document.type() + " ("
                        + document.label() + ") belum diserahkan."));
            }
        }
        if (list.body().partyLists()) {
            if (!context.isVerifiedMember(list.partyId(), c.nikHash())) {
                violations.add(new Violation(PARTY_MEMBER, position, c.name()
                        + " bukan anggota partai " + list.partyId() + " yang sudah diverifikasi (MS) di Sipol."));
            }
        } else if (context.isMemberOfAnyParty(c.nikHash())) {
            violations.add(new Violation(DPD_NOT_PARTY_MEMBER, position, c.name()
                    + " tercatat sebagai anggota partai politik; calon DPD harus perseorangan."));
        }
        Integer earlier = firstPosition.putIfAbsent(c.nikHash(), position);
        if (earlier != null) {
            violations.add(new Violation(DOUBLE_CANDIDACY, position, c.name() + ": NIK yang sama sudah ada di posisi "
                    + earlier + " daftar ini."));
        }
        for (String other : context.otherCandidacies(c.nikHash(), list.listId())) {
            violations.add(new Violation(DOUBLE_CANDIDACY, position, c.name() + " juga dicalonkan di " + other
                    + "; seseorang hanya boleh dicalonkan satu kali secara nasional."));
        }
        if (c.formerConvict() && !c.convictionDisclosed()) {
            violations.add(new Violation(CONVICT_DISCLOSURE, position, c.name()
                    + " adalah mantan terpidana dan wajib mengumumkannya secara terbuka kepada publik."));
        }
    }
}
