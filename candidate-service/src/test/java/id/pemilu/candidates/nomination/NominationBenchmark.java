package id.pemilu.candidates.nomination;

import id.pemilu.candidates.dapil.ElectoralBody;
import id.pemilu.common.security.NikHash;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark (not a test): validates a national DPR nomination (18 parties x 84 dapil, 580 seats) plus DPRD lists up to
 * about 250,000 candidates, including the national double-candidacy check, and prints time and memory.
 * <p>
 * Run: {@code ./mvnw -q -pl candidate-service test-compile exec:java
 * -Dexec.mainClass=id.pemilu.candidates.nomination.NominationBenchmark -Dexec.classpathScope=test}
 */
public final class NominationBenchmark {

    static final int PARTIES = 18;
    static final int DPR_DAPIL = 84;
    static final int DPR_SEATS = 580;
    static final int TARGET_CANDIDATES = 250_000;
    static final Set<String> DOCUMENTS = Set.of("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK");

    private NominationBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(2029);
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        List<ListUnderCheck> lists = new ArrayList<>();
        Set<String> members = new HashSet<>();
        int[] dprSeats = dprSeats();
        int person = 0;
        List<String> planted = new ArrayList<>();
        for (int d = 0; d < DPR_DAPIL; d++) {
            for (int p = 0; p < PARTIES; p++) {
                int size = dprSeats[d] - (random.nextInt(10) == 0 ? 1 : 0);
                lists.add(list(ElectoralBody.DPR, "DPR-" + d, "p" + p, dprSeats[d], size, person, members));
                person += size;
            }
        }
        int dprCandidates = person;
        int dapil = 0;
        while (person < TARGET_CANDIDATES) {
            ElectoralBody body = dapil % 5 == 0 ? ElectoralBody.DPRD_PROVINSI : ElectoralBody.DPRD_KABKOTA;
            int seats = 3 + dapil % 10;
            for (int p = 0; p < PARTIES && person < TARGET_CANDIDATES; p++) {
                lists.add(list(body, "DPRD-" + dapil, "p" + p, seats, seats, person, members));
                person += seats;
            }
            dapil++;
        }
        // plant double candidacies: 1 in 500 DPRD lists takes a person already on a DPR list of another party
        for (int i = 0; i < lists.size(); i++) {
            ListUnderCheck list = lists.get(i);
            if (list.body() != ElectoralBody.DPR && i % 500 == 0) {
                List<CandidateFacts> candidates = new ArrayList<>(list.candidates());
                CandidateFacts twice = lists.get(random.nextInt(PARTIES * DPR_DAPIL)).candidates().get(0);
                members.add(list.partyId() + ":" + twice.nikHash());
                candidates.set(candidates.size() - 1, twice);
                lists.set(i, new ListUnderCheck(list.listId(), list.body(), list.dapilCode(), list.partyId(),
                        list.seats(), candidates));
                planted.add(twice.nikHash());
            }
        }
        long generated = System.nanoTime();

        NominationRules rules = new NominationRules(NominationRequirements.defaults(LocalDate.of(2029, 2, 14)));
        CandidacyIndex index = new CandidacyIndex(person);
        lists.forEach(index::add);
        long indexed = System.nanoTime();
        RuleContext context = new RuleContext() {
            @Override
            public boolean partyEligible(String partyId) {
                return true;
            }

            @Override
            public boolean isVerifiedMember(String partyId, String nikHash) {
                return members.contains(partyId + ":" + nikHash);
            }

            @Override
            public boolean isMemberOfAnyParty(String nikHash) {
                return false;
            }

            @Override
            public List<String> otherCandidacies(String nikHash, String listId) {
                return index.others(nikHash, listId);
            }
        };
        Map<String, Integer> byRule = new HashMap<>();
        for (ListUnderCheck list : lists) {
            for (Violation v : rules.check(list, context)) {
                byRule.merge(v.rule(), 1, Integer::sum);
            }
        }
        long validated = System.nanoTime();
        long heapAfter = usedHeap();

        long h0 = System.nanoTime();
        for (int i = 0; i < 250_000; i++) {
            NikHash.of(String.format("%016d", 3100000000000000L + i), "dev-only-benchmark-key");
        }
        long hashed = System.nanoTime();

        System.out.printf("lists: %,d (DPR %,d candidates, total %,d candidates)%n", lists.size(), dprCandidates,
                person);
        System.out.printf("planted double candidacies: %,d%n", planted.size());
        System.out.printf("violations by rule: %s%n", byRule);
        System.out.printf("generate data:            %6.2f s%n", (generated - t0) / 1e9);
        System.out.printf("build national NIK index: %6.2f s%n", (indexed - generated) / 1e9);
        System.out.printf("validate every list:      %6.2f s%n", (validated - indexed) / 1e9);
        System.out.printf("index + validate:         %6.2f s (target < 30 s)%n", (validated - generated) / 1e9);
        System.out.printf("hash 250,000 NIKs (HMAC): %6.2f s%n", (hashed - h0) / 1e9);
        System.out.printf("heap used by data + index: ~%,d MB (max heap %,d MB)%n",
                (heapAfter - heapBefore) / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static int[] dprSeats() {
        int[] seats = new int[DPR_DAPIL];
        int total = 0;
        for (int d = 0; d < DPR_DAPIL; d++) {
            seats[d] = 3 + d % 8;
            total += seats[d];
        }
        for (int d = 0; total < DPR_SEATS; d = (d + 1) % DPR_DAPIL) {
            if (seats[d] < 10) {
                seats[d]++;
                total++;
            }
        }
        for (int d = 0; total > DPR_SEATS; d = (d + 1) % DPR_DAPIL) {
            if (seats[d] > 3) {
                seats[d]--;
                total--;
            }
        }
        return seats;
    }

    private static ListUnderCheck list(ElectoralBody body, String dapil, String party, int seats, int size, int first,
                                       Set<String> members) {
        List<CandidateFacts> candidates = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String nikHash = String.format("%064x", first + i); // as long as a real HMAC-SHA256 hex
            members.add(party + ":" + nikHash);
            Gender gender = i % 3 == 0 ? Gender.P : Gender.L;
            candidates.add(new CandidateFacts(nikHash, "Calon " + (first + i), gender,
                    LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28), "S1", "SWASTA", DOCUMENTS, false, false));
        }
        return new ListUnderCheck(dapil + ":" + party, body, dapil, party, seats, candidates);
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
