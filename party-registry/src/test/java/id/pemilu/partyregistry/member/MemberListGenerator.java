package id.pemilu.partyregistry.member;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates member lists with valid NIKs over the real kecamatan codes of {@link Wilayah} (seeded, reproducible) and
 * plants the cases the import must find: identical duplicates, people also listed by another party, and staff of
 * election bodies.
 */
public final class MemberListGenerator {

    public record Person(String nik, String name, String gender, LocalDate birthDate, String kabKota) {

        String csv(String kta) {
            return String.join(",", nik, name, gender, birthDate.toString(), kta, kabKota);
        }
    }

    public record Planted(Path mainList, Path otherList, List<String> officials, Set<String> duplicates,
                          Set<String> crossParty, Set<String> officialNiks, int rows) {
    }

    private static final String[] FIRST = {"Ahmad", "Budi", "Siti", "Dewi", "Agus", "Sri", "Eko", "Rina", "Joko",
            "Putri", "Hendra", "Wati", "Yusuf", "Lestari", "Bambang", "Ayu", "Rudi", "Nur", "Teguh", "Indah"};
    private static final String[] LAST = {"Santoso", "Wijaya", "Lestari", "Saputra", "Hidayat", "Kusuma", "Pratama",
            "Rahayu", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Wibowo", "Setiawan", "Gunawan", "Permata"};

    private final Random random;
    private final List<Region> kecamatan;
    private final Set<String> used = new HashSet<>();

    public MemberListGenerator(long seed) {
        this.random = new Random(seed);
        this.kecamatan = Wilayah.indonesia().all(RegionLevel.KECAMATAN).stream()
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    public Person person() {
        while (true) {
            Region kec = kecamatan.get(random.nextInt(kecamatan.size()));
            String gender = random.nextBoolean() ? "L" : "P";
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));
            String nik = Niks.of(kec.code(), born, gender, 1 + random.nextInt(9999));
            if (used.add(nik)) {
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                return new Person(nik, name, gender, born, kec.parentCode());
            }
        }
    }

    /**
     * @param rows       rows of the main list
     * @param duplicates of those, identical repeats of an earlier row
     * @param crossParty people of the main list that another party lists too
     * @param officials  people of the main list on a staff list
     */
    public Planted generate(Path dir, int rows, int duplicates, int crossParty, int officials) throws IOException {
        Files.createDirectories(dir);
        int unique = rows - duplicates;
        List<Person> people = new ArrayList<>(unique);
        for (int i = 0; i < unique; i++) {
            people.add(person());
        }
        Set<String> dupNiks = new HashSet<>();
        Set<String> crossNiks = new HashSet<>();
        Set<String> officialNiks = new HashSet<>();
        List<Person> dupRows = new ArrayList<>();
        for (int i = 0; i < duplicates; i++) {
            Person p = people.get(random.nextInt(unique));
            dupRows.add(p);
            dupNiks.add(p.nik());
        }
        // disjoint planted groups taken from the tail so they are easy to reason about
        for (int i = 0; i < crossParty; i++) {
            crossNiks.add(people.get(unique - 1 - i).nik());
        }
        for (int i = 0; i < officials; i++) {
            officialNiks.add(people.get(unique - 1 - crossParty - i).nik());
        }
        Path main = dir.resolve("anggota-utama.csv");
        try (BufferedWriter out = Files.newBufferedWriter(main, StandardCharsets.UTF_8)) {
            out.write("nik,nama,jenis_kelamin,tanggal_lahir,no_kta,kabkota\n");
            int dupIndex = 0;
            int kta = 0;
            for (int i = 0; i < unique; i++) {
                out.write(people.get(i).csv("KTA-" + (++kta)));
                out.write('\n');
                // spread the duplicate rows through the file
                if (dupIndex < dupRows.size() && random.nextInt(unique) < duplicates * 1.1) {
                    out.write(dupRows.get(dupIndex++).csv("KTA-" + (++kta)));
                    out.write('\n');
                }
            }
            while (dupIndex < dupRows.size()) {
                out.write(dupRows.get(dupIndex++).csv("KTA-" + (++kta)));
                out.write('\n');
            }
        }
        Path other = dir.resolve("anggota-partai-lain.csv");
        try (BufferedWriter out = Files.newBufferedWriter(other, StandardCharsets.UTF_8)) {
            out.write("nik,nama,jenis_kelamin,tanggal_lahir,no_kta,kabkota\n");
            for (Person p : people.subList(unique - crossParty, unique)) {
                out.write(p.csv("LAIN-" + p.nik().substring(10)));
                out.write('\n');
            }
            for (int i = 0; i < crossParty; i++) {
                Person p = person();
                out.write(p.csv("LAIN-X" + i));
                out.write('\n');
            }
        }
        List<String> staff = new ArrayList<>(officialNiks);
        for (int i = 0; i < officials; i++) {
            staff.add(person().nik());
        }
        return new Planted(main, other, staff, dupNiks, crossNiks, officialNiks, rows);
    }
}
