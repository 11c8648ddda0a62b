package id.pemilu.partyregistry.party;

import java.time.Instant;
import java.util.List;

/** The party's requirements, each rule met or not with its numbers; recomputed on every change. */
public record RequirementsReport(String partyId, boolean met, List<RuleResult> rules, Instant computedAt) {

    public List<String> unmetRules() {
        return rules.stream().filter(r -> !r.met()).map(RuleResult::rule).toList();
    }
}
