package id.pemilu.candidates.nomination;

/**
 * One broken nomination rule.
 *
 * @param rule     rule id (see {@link NominationRules})
 * @param position 1-based list position the violation is about, null when it concerns the whole list
 * @param message  what is wrong and how to fix it, in Bahasa Indonesia
 */
public record Violation(String rule, Integer position, String message) {
}
