package id.pemilu.candidates.nomination;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A one-line description of what changed in a list, for the change log (Bahasa Indonesia). */
final class ChangeSummary {

    private ChangeSummary() {
    }

    static String between(List<Candidate> before, List<Candidate> after) {
        Set<String> beforeIds = before.stream().map(Candidate::nikHash).collect(Collectors.toSet());
        Set<String> afterIds = after.stream().map(Candidate::nikHash).collect(Collectors.toSet());
        List<String> parts = new ArrayList<>();
        after.stream().filter(c -> !beforeIds.contains(c.nikHash()))
                .forEach(c -> parts.add("+ " + c.name()));
        before.stream().filter(c -> !afterIds.contains(c.nikHash()))
                .forEach(c -> parts.add("- " + c.name()));
        List<String> keptOrderBefore = before.stream().map(Candidate::nikHash).filter(afterIds::contains).toList();
        List<String> keptOrderAfter = after.stream().map(Candidate::nikHash).filter(beforeIds::contains).toList();
        if (!keptOrderBefore.equals(keptOrderAfter)) {
            parts.add("urutan berubah");
        }
        long edited = after.stream().filter(c -> before.stream()
                .anyMatch(b -> b.nikHash().equals(c.nikHash()) && !b.sameDataAs(c))).count();
        if (edited > 0) {
            parts.add(edited + " data calon diperbarui");
        }
        return parts.isEmpty() ? "tidak ada perubahan isi" : String.join("; ", parts);
    }
}
