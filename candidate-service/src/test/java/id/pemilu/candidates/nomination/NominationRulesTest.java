package id.pemilu.candidates.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.pemilu.candidates.dapil.ElectoralBody;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NominationRulesTest {

    static final LocalDate ELECTION_DAY = LocalDate.of(2029, 2, 14);
    static final Set<String> ALL_DOCUMENTS = Set.of("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK");

    final NominationRules rules = new NominationRules(NominationRequirements.defaults(ELECTION_DAY));
    final InMemoryRuleContext context = new InMemoryRuleContext().eligible("pnb");

    CandidateFacts person(String nik, Gender gender) {
        context.member("pnb", nik);
        return new CandidateFacts(nik, "Calon " + nik, gender, LocalDate.of(1980, 1, 1), "S1", "SWASTA", ALL_DOCUMENTS,
                false, false);
    }

    List<CandidateFacts> genders(String pattern) {
        List<CandidateFacts> list = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            list.add(person("n" + pattern.hashCode() + "-" + i, Gender.valueOf(String.valueOf(pattern.charAt(i)))));
        }
        return list;
    }

    ListUnderCheck list(String dapil, String party, int seats, List<CandidateFacts> candidates) {
        return new ListUnderCheck(dapil + ":" + party, ElectoralBody.DPR, dapil, party, seats, candidates);
    }

    List<String> rulesBroken(ListUnderCheck list) {
        return rules.check(list, context).stream().map(Violation::rule).toList();
    }

    @Test
    void aValidListHasNoViolations() {
        assertThat(rules.check(list("DPR-31-1", "pnb", 6, genders("PLLPLL")), context)).isEmpty();
    }

    @Test
    void theWomenQuotaIsRoundedUpSoAListOfFourNeedsTwoWomen() {
        assertThat(NominationRules.womenRequired(4)).isEqualTo(2);
        assertThat(NominationRules.womenRequired(10)).isEqualTo(3);
        assertThat(NominationRules.womenRequired(7)).isEqualTo(3);
        assertThat(NominationRules.womenRequired(1)).isEqualTo(1);
        List<Violation> violations = rules.check(list("DPR-31-1", "pnb", 6, genders("LPLL")), context);
        assertThat(violations).extracting(Violation::rule).containsExactly(NominationRules.WOMEN_QUOTA);
        assertThat(violations.get(0).position()).isNull();
        assertThat(violations.get(0).message()).contains("1 dari 4").contains("paling sedikit 2");
        assertThat(rulesBroken(list("DPR-31-1", "pnb", 6, genders("PLLP")))).isEmpty();
    }

    @Test
    void everyThreeConsecutivePositionsNeedAWomanIncludingTheEndOfTheList() {
        List<Violation> atEnd = rules.check(list("DPR-31-1", "pnb", 10, genders("PLPPLLL")), context);
        assertThat(atEnd).extracting(Violation::rule, Violation::position)
                .containsExactly(tuple(NominationRules.ONE_IN_THREE, 5));
        assertThat(atEnd.get(0).message()).contains("Posisi 5-7");

        List<Violation> atStart = rules.check(list("DPR-31-1", "pnb", 10, genders("LLLPPL")), context);
        assertThat(atStart).extracting(Violation::rule, Violation::position)
                .containsExactly(tuple(NominationRules.ONE_IN_THREE, 1));

        assertThat(rulesBroken(list("DPR-31-1", "pnb", 10, genders("LL"))))
                .containsExactlyInAnyOrder(NominationRules.WOMEN_QUOTA, NominationRules.ONE_IN_THREE);
        assertThat(rulesBroken(list("DPR-31-1", "pnb", 10, genders("LPLLPLLP")))).isEmpty();
    }

    @Test
    void candidatesBeyondTheSeatCountAreReportedByPosition() {
        List<Violation> violations = rules.check(list("DPR-31-1", "pnb", 3, genders("PLLPL")), context);
        assertThat(violations).extracting(Violation::rule).containsOnly(NominationRules.SEATS_CAP);
        assertThat(violations).extracting(Violation::position).containsExactly(4, 5);
    }

    @Test
    void aCandidateMustBeTwentyOneOnElectionDay() {
        CandidateFacts young = new CandidateFacts("young", "Muda", Gender.P, ELECTION_DAY.minusYears(21).plusDays(1),
                "SMA", "SWASTA", ALL_DOCUMENTS, false, false);
        CandidateFacts justOldEnough = new CandidateFacts("ok21", "Pas", Gender.L, ELECTION_DAY.minusYears(21), "SMA",
                "SWASTA", ALL_DOCUMENTS, false, false);
        context.member("pnb", "young").member("pnb", "ok21");
        List<Violation> violations = rules.check(list("DPR-31-1", "pnb", 6,
                List.of(young, justOldEnough, person("x", Gender.L))), context);
        assertThat(violations).extracting(Violation::rule, Violation::position)
                .containsExactly(tuple(NominationRules.MIN_AGE, 1));
    }

    @Test
    void educationAndDocumentsAreCheckedAsDataIncludingTheResignationLetterOfCivilServants() {
        CandidateFacts civilServant = new CandidateFacts("pns", "Pegawai", Gender.P, LocalDate.of(1975, 5, 5), "SMP",
                "PNS", Set.of("KTP", "IJAZAH", "SKCK"), false, false);
        context.member("pnb", "pns");
        List<Violation> violations = rules.check(list("DPR-31-1", "pnb", 6, List.of(civilServant)), context);
        assertThat(violations).extracting(Violation::rule).containsExactly(NominationRules.EDUCATION,
                NominationRules.DOCUMENTS, NominationRules.DOCUMENTS);
        assertThat(violations).extracting(Violation::message).anyMatch(m -> m.contains("SURAT_SEHAT"))
                .anyMatch(m -> m.contains("SURAT_PENGUNDURAN_DIRI"));
    }

    @Test
    void candidatesMustBeVerifiedMembersOfAnEligibleParty() {
        CandidateFacts outsider = new CandidateFacts("outsider", "Luar", Gender.P, LocalDate.of(1980, 1, 1), "S1",
                "SWASTA", ALL_DOCUMENTS, false, false);
        List<Violation> violations = rules.check(list("DPR-31-1", "pnb", 6, List.of(outsider)), context);
        assertThat(violations).extracting(Violation::rule, Violation::position)
                .containsExactly(tuple(NominationRules.PARTY_MEMBER, 1));
        context.eligibleParties.clear();
        assertThat(rulesBroken(list("DPR-31-1", "pnb", 6, List.of(person("m", Gender.P)))))
                .containsExactly(NominationRules.PARTY_ELIGIBLE);
    }

    @Test
    void thePersonMayBeNominatedOnlyOnceNationallyAcrossPartiesDapilAndBodies() {
        context.eligible("pkr");
        CandidateFacts shared = person("shared", Gender.P);
        context.member("pkr", "shared");
        ListUnderCheck dprdList = new ListUnderCheck("DPRD-3171-1:pkr", ElectoralBody.DPRD_KABKOTA, "DPRD-3171-1",
                "pkr", 8, List.of(shared));
        ListUnderCheck dprList = list("DPR-31-2", "pnb", 7, List.of(shared));
        context.index.add(dprdList);
        context.index.add(dprList);
        List<Violation> onDpr = rules.check(dprList, context);
        assertThat(onDpr).extracting(Violation::rule).containsExactly(NominationRules.DOUBLE_CANDIDACY);
        assertThat(onDpr.get(0).message()).contains("DPRD_KABKOTA dapil DPRD-3171-1 (pkr)");
        assertThat(rulesBroken(dprdList)).containsExactly(NominationRules.DOUBLE_CANDIDACY);

        List<Violation> twiceOnOneList = rules.check(list("DPR-31-3", "pnb", 8,
                List.of(person("same", Gender.P), person("same", Gender.P))), context);
        assertThat(twiceOnOneList).extracting(Violation::rule, Violation::position)
                .containsExactly(tuple(NominationRules.DOUBLE_CANDIDACY, 2));
    }

    @Test
    void dpdCandidatesMustNotBePartyMembersAndAreNotBoundByListShapeRules() {
        CandidateFacts member = person("member", Gender.L);
        CandidateFacts independent = new CandidateFacts("indep", "Mandiri", Gender.L, LocalDate.of(1970, 3, 3), "S2",
                "SWASTA", ALL_DOCUMENTS, false, false);
        ListUnderCheck dpd = new ListUnderCheck("DPD-31:perseorangan", ElectoralBody.DPD, "DPD-31", "perseorangan", 4,
                List.of(member, independent, new CandidateFacts("indep2", "Mandiri Dua", Gender.L,
                        LocalDate.of(1971, 3, 3), "SMA", "SWASTA", ALL_DOCUMENTS, false, false)));
        List<Violation> violations = rules.check(dpd, context);
        assertThat(violations).extracting(Violation::rule, Violation::position)
                .containsExactly(tuple(NominationRules.DPD_NOT_PARTY_MEMBER, 1));
    }

    @Test
    void aFormerConvictMustCarryThePublicDisclosureFlag() {
        CandidateFacts hidden = new CandidateFacts("conv", "Mantan", Gender.P, LocalDate.of(1970, 1, 1), "SMA",
                "SWASTA", ALL_DOCUMENTS, true, false);
        context.member("pnb", "conv");
        assertThat(rules.check(list("DPR-31-1", "pnb", 6, List.of(hidden)), context))
                .extracting(Violation::rule, Violation::position)
                .containsExactly(tuple(NominationRules.CONVICT_DISCLOSURE, 1));
        CandidateFacts disclosed = new CandidateFacts("conv", "Mantan", Gender.P, LocalDate.of(1970, 1, 1), "SMA",
                "SWASTA", ALL_DOCUMENTS, true, true);
        assertThat(rules.check(list("DPR-31-1", "pnb", 6, List.of(disclosed)), context)).isEmpty();
    }

    @Test
    void badCandidateDataIsRefusedWithAReasonInBahasaIndonesia() {
        assertThatThrownBy(() -> new Nik("12345")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 angka");
        assertThatThrownBy(() -> Gender.parse("X")).hasMessageContaining("L (laki-laki) atau P (perempuan)");
        assertThat(new Nik("3171010101800001").masked()).isEqualTo("************0001");
    }
}
