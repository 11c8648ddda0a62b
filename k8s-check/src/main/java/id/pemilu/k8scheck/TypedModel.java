package id.pemilu.k8scheck;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Parses each manifest into fabric8's typed Kubernetes model (the classes generated from Kubernetes' own API
 * schema) and reports every field the model does not know. fabric8 keeps unknown fields in each object's
 * {@code additionalProperties} instead of failing, so every object of the parsed tree is visited and that map must
 * be empty: a misspelt or misplaced field ({@code livenesProbe}, {@code resources} one level too high) is found.
 * Kinds outside the model (KEDA's custom resources) are checked against their documented shape by
 * {@link CustomResources}.
 */
public final class TypedModel {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private TypedModel() {
    }

    public static List<String> problems(JsonNode manifest) {
        String id = Kustomize.id(manifest);
        List<String> problems = new ArrayList<>();
        Object parsed;
        try {
            parsed = SERIALIZATION.unmarshal(manifest.toString());
        } catch (RuntimeException e) {
            problems.add(id + ": does not parse into the Kubernetes model: " + e.getMessage());
            return problems;
        }
        if (parsed instanceof GenericKubernetesResource) {
            if (CustomResources.knows(manifest)) {
                problems.addAll(CustomResources.problems(manifest));
            } else {
                problems.add(id + ": " + manifest.path("apiVersion").asString("?")
                        + " is neither in the typed Kubernetes model nor a custom resource k8s-check knows");
            }
            return problems;
        }
        walk(parsed, id, problems);
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), path + "[" + e.getKey() + "]", problems);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        Map<?, ?> unknown = additionalProperties(value);
        if (unknown != null && !unknown.isEmpty()) {
            problems.add(path + ": unknown field(s) " + unknown.keySet() + " in " + value.getClass().getSimpleName());
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || !f.isAnnotationPresent(JsonProperty.class)) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    walk(f.get(value), path + "." + f.getAnnotation(JsonProperty.class).value(), problems);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    problems.add(path + ": cannot read " + f.getName() + ": " + e);
                }
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object value) {
        try {
            Method m = value.getClass().getMethod("getAdditionalProperties");
            return (Map<?, ?>) m.invoke(value);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
