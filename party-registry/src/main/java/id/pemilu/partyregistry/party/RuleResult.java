package id.pemilu.partyregistry.party;

import java.util.List;

/**
 * One rule of the requirements report with its numbers.
 *
 * @param actual   how many units meet the rule (provinces, kab/kota, women…)
 * @param required how many must
 * @param failing  the units that fall short, e.g. {@code 31.71: 12/1000 anggota}
 */
public record RuleResult(String rule, String description, boolean met, long actual, long required,
                         List<String> failing) {
}
