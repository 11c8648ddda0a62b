package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A read that names a projection does not need every top-level field of the stored document: the fields the
 * projection leaves out, and that neither the query nor the sort looks at, are cut from the stored BSON before it is
 * decoded. The stock store decodes the whole document and then drops them; the answer is the same, because the query,
 * the sort and the projection then see exactly the fields they would have used. recap-service's applier reads each
 * child region's total without its per-TPS entries, and the outbox relay and the log sequencer read only their
 * pending entries of each result (issue 22).
 *
 * <p>Anything not read with certainty goes the stock way: a projection with operators ({@code $slice},
 * {@code $elemMatch}, expressions) or mixing inclusion and exclusion, a query with a top-level operator other than
 * {@code $and}, {@code $or} or {@code $nor}, a sort on an operator, malformed BSON.
 */
final class BsonTrim {

    private BsonTrim() {
    }

    /**
     * Which top-level fields to keep before decoding, for this query, sort and projection; null when every field must be
     * decoded (no projection, or one this class does not read with certainty).
     */
    static Predicate<String> fieldsToKeep(Document query, Document orderBy, Document projection) {
        if (projection == null || projection.isEmpty()) {
            return null;
        }
        Set<String> included = new HashSet<>();
        Set<String> excluded = new HashSet<>();
        for (String key : projection.keySet()) {
            Boolean include = flag(projection.get(key));
            if (include == null || key.isEmpty() || key.startsWith("$")) {
                return null;
            }
            if (key.equals("_id")) {
                continue; // either way: _id is kept for the query; the projection drops it after matching
            }
            (include ? included : excluded).add(key);
        }
        if (!included.isEmpty() && !excluded.isEmpty()) {
            return null; // MongoDB refuses the mix: the stock store answers with its error
        }
        Set<String> used = new HashSet<>();
        if (!referenced(query, used) || !sortFields(orderBy, used)) {
            return null;
        }
        used.add("_id");
        if (!included.isEmpty()) {
            Set<String> keep = new HashSet<>(used);
            included.forEach(path -> keep.add(firstSegment(path)));
            return keep::contains;
        }
        Set<String> drop = new HashSet<>();
        for (String path : excluded) {
            if (!path.contains(".") && !used.contains(path)) {
                drop.add(path); // a dotted exclusion keeps its field: the projection takes the part out
            }
        }
        if (drop.isEmpty()) {
            return null;
        }
        return name -> !drop.contains(name);
    }

    /** true/false for 1/0 (any number type) and booleans; null for anything else (an operator or expression). */
    private static Boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n instanceof Integer || n instanceof Long || n instanceof Double)) {
            double d = n.doubleValue();
            return d == 1 ? Boolean.TRUE : d == 0 ? Boolean.FALSE : null;
        }
        return null;
    }

    /** Adds the top-level fields a query looks at; false when it uses an operator this class does not follow. */
    private static boolean referenced(Document query, Set<String> used) {
        if (query == null) {
            return true;
        }
        for (String key : query.keySet()) {
            if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                if (!(query.get(key) instanceof Collection<?> parts)) {
                    return false;
                }
                for (Object part : parts) {
                    if (!(part instanceof Document condition) || !referenced(condition, used)) {
                        return false;
                    }
                }
            } else if (key.startsWith("$") || key.isEmpty()) {
                return false;
            } else {
                used.add(firstSegment(key));
            }
        }
        return true;
    }

    private static boolean sortFields(Document orderBy, Set<String> used) {
        if (orderBy == null) {
            return true;
        }
        for (String key : orderBy.keySet()) {
            if (key.equals("$natural")) {
                continue;
            }
            if (key.startsWith("$") || key.isEmpty()) {
                return false;
            }
            used.add(firstSegment(key));
        }
        return true;
    }

    private static String firstSegment(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /**
     * The document's bytes with only the top-level elements whose name {@code keep} accepts, in their order; the same
     * array when all are kept; null when the bytes are not read with certainty (the caller decodes them whole).
     */
    static byte[] keep(byte[] doc, Predicate<String> keep) {
        try {
            if (doc.length < 5 || BsonPull.intAt(doc, 0) != doc.length || doc[doc.length - 1] != 0) {
                return null;
            }
            byte[] out = new byte[doc.length];
            int written = 4;
            int at = 4;
            int end = doc.length - 1;
            while (at < end) {
                byte type = doc[at];
                int nameEnd = BsonPull.cstringEnd(doc, at + 1);
                int valueAt = nameEnd + 1;
                int length = BsonPull.valueLength(doc, type, valueAt);
                if (length < 0 || valueAt + length > end) {
                    return null;
                }
                int next = valueAt + length;
                if (keep.test(new String(doc, at + 1, nameEnd - at - 1, StandardCharsets.UTF_8))) {
                    System.arraycopy(doc, at, out, written, next - at);
                    written += next - at;
                }
                at = next;
            }
            if (at != end) {
                return null;
            }
            if (written == end) {
                return doc;
            }
            out[written] = 0;
            byte[] trimmed = java.util.Arrays.copyOf(out, written + 1);
            BsonPull.putInt(trimmed, 0, trimmed.length);
            return trimmed;
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }
}
