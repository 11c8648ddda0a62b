package id.pemilu.k8scheck;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The settings a container sees from the rendering: literal values, ConfigMap keys and whole ConfigMaps. */
final class Env {

    private Env() {
    }

    static Map<String, String> of(JsonNode container, Map<String, JsonNode> configMaps) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            JsonNode cm = configMaps.get(from.path("configMapRef").path("name").asString(""));
            if (cm != null) {
                cm.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asString();
            if (e.has("value")) {
                env.put(name, e.get("value").asString());
            }
            JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
            JsonNode cm = configMaps.get(ref.path("name").asString(""));
            if (cm != null && cm.path("data").has(ref.path("key").asString(""))) {
                env.put(name, cm.path("data").get(ref.path("key").asString()).asString());
            }
        }
        return env;
    }
}
