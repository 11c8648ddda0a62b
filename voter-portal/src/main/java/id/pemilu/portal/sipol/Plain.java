package id.pemilu.portal.sipol;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's JSON as plain maps and lists, for the templates ({@code ${party.name}}). */
public final class Plain {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Plain() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(JsonNode node) {
        return node == null || !node.isObject() ? Map.of() : JSON.convertValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : JSON.convertValue(node, List.class);
    }
}
