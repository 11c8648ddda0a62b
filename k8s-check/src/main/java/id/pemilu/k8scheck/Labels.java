package id.pemilu.k8scheck;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Label selectors: a plain map (Service) or matchLabels/matchExpressions (everything else). */
final class Labels {

    private Labels() {
    }

    /** Every entry of the map is among the labels. */
    static boolean matches(JsonNode map, JsonNode labels) {
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            if (!e.getValue().asString().equals(labels.path(e.getKey()).asString(null))) {
                return false;
            }
        }
        return true;
    }

    /** A LabelSelector (matchLabels and matchExpressions; empty selects everything). */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (!matches(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.path(expr.path("key").asString()).asString(null);
            boolean in = false;
            for (JsonNode v : expr.path("values")) {
                in |= v.asString().equals(value);
            }
            boolean ok = switch (expr.path("operator").asString()) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }
}
