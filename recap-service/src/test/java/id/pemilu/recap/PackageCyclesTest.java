package id.pemilu.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * recap-service's packages depend on each other without a cycle (issue 22): the JDK's jdeps reads the compiled main
 * classes, and every strongly connected group of more than one package is reported with the edges that close it.
 */
class PackageCyclesTest {

    private static final String ROOT = "id.pemilu.recap";
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void recapServicePackagesHaveNoCycle() throws URISyntaxException {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).as("jdeps found the service's packages").containsKeys(ROOT + ".result", ROOT + ".registry");
        List<String> cycles = new ArrayList<>();
        for (Set<String> group : stronglyConnected(graph)) {
            if (group.size() > 1) {
                StringBuilder edges = new StringBuilder();
                for (String from : group) {
                    for (String to : graph.getOrDefault(from, Set.of())) {
                        if (group.contains(to)) {
                            edges.append("\n  ").append(from).append(" -> ").append(to);
                        }
                    }
                }
                cycles.add(group + edges.toString());
            }
        }
        assertThat(cycles).as("package cycles in recap-service (move the shared type to the package below)")
                .isEmpty();
    }

    /** Package → packages of this service it uses, from {@code jdeps -verbose:package} on the main classes. */
    static Map<String, Set<String>> packageGraph() throws URISyntaxException {
        Path classes = Path.of(RecapServiceApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("jdeps not found: run the tests on a JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:package",
                "-e", ROOT.replace(".", "\\.") + "(\\..*)?", classes.toString());
        assertThat(rc).as("jdeps: " + err).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && inService(m.group(1)) && inService(m.group(2)) && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        return graph;
    }

    private static boolean inService(String pkg) {
        return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
    }

    /** Tarjan's strongly connected components, without recursion. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> groups = new ArrayList<>();
        int[] next = {0};
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            visit(start, graph, index, low, stack, onStack, next, work);
            while (!work.isEmpty()) {
                Map.Entry<String, List<String>> frame = work.peek();
                String v = frame.getKey();
                if (!frame.getValue().isEmpty()) {
                    String w = frame.getValue().remove(0);
                    if (!index.containsKey(w)) {
                        visit(w, graph, index, low, stack, onStack, next, work);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> group = new TreeSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        group.add(w);
                    } while (!w.equals(v));
                    groups.add(group);
                }
            }
        }
        return groups;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack, int[] next,
                              Deque<Map.Entry<String, List<String>>> work) {
        index.put(v, next[0]);
        low.put(v, next[0]);
        next[0]++;
        stack.push(v);
        onStack.add(v);
        work.push(Map.entry(v, new ArrayList<>(graph.getOrDefault(v, Set.of()))));
    }

    /** The check itself finds a cycle when there is one. */
    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));
        assertThat(stronglyConnected(graph)).filteredOn(g -> g.size() > 1).containsExactly(Set.of("a", "b", "c"));
    }
}
