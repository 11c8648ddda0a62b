package id.pemilu.recap.recap;

import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultStatus;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sums of TPS results: counted (submitted, verified, corrected) and flagged kept apart, with the number of TPS in
 * each status. Compact (arrays indexed by a shared key index) so a national rebuild fits in memory. Pure arithmetic.
 */
public final class Tally {

    private static final Map<String, Integer> INDEX = new ConcurrentHashMap<>();
    private static final List<String> KEYS = new CopyOnWriteArrayList<>();
    private static final Map<Integer, FormPosition> POSITIONS = new ConcurrentHashMap<>();

    private long[] counted = new long[64];
    private long[] flagged = new long[64];
    private final BitSet countedKeys = new BitSet();
    private final BitSet flaggedKeys = new BitSet();
    int countedTps;
    int flaggedTps;
    int submittedTps;
    int verifiedTps;
    int correctedTps;

    private static int index(String key) {
        Integer i = INDEX.get(key);
        if (i != null) {
            return i;
        }
        synchronized (INDEX) {
            return INDEX.computeIfAbsent(key, k -> {
                KEYS.add(k);
                return KEYS.size() - 1;
            });
        }
    }

    public void addResult(ResultStatus status, List<FieldValue> values) {
        switch (status) {
            case SUBMITTED -> submittedTps++;
            case VERIFIED -> verifiedTps++;
            case CORRECTED -> correctedTps++;
            case FLAGGED -> flaggedTps++;
            case DRAFT -> {
                return;
            }
        }
        boolean isCounted = status.counted();
        if (isCounted) {
            countedTps++;
        }
        for (FieldValue v : values) {
            if (v.value() == null) {
                continue;
            }
            int i = index(v.key());
            if (isCounted) {
                counted = grow(counted, i);
                counted[i] += v.value();
                countedKeys.set(i);
            } else {
                flagged = grow(flagged, i);
                flagged[i] += v.value();
                flaggedKeys.set(i);
            }
        }
    }

    /**
     * Adds a child region's stored totals, read as the store holds them ({@link RegionTotal}'s fields
     * {@code countedTps}, {@code flaggedTps}, {@code submittedTps}, {@code verifiedTps}, {@code correctedTps},
     * {@code counted} and {@code flagged}, each a list of {@code {key, value}}): the applier reads every child of every
     * region it recomputes, and mapping each into a {@link RegionTotal} was half of that (issue 22).
     */
    void addRegion(org.bson.Document child) {
        countedTps += number(child.get("countedTps"));
        flaggedTps += number(child.get("flaggedTps"));
        submittedTps += number(child.get("submittedTps"));
        verifiedTps += number(child.get("verifiedTps"));
        correctedTps += number(child.get("correctedTps"));
        counted = addStored(counted, countedKeys, child.get("counted"));
        flagged = addStored(flagged, flaggedKeys, child.get("flagged"));
    }

    /** Adds stored {@code {key, value}} totals into {@code sums}; returns the array, grown if a key needed it. */
    private long[] addStored(long[] sums, BitSet keys, Object stored) {
        if (stored instanceof List<?> totals) {
            for (Object t : totals) {
                org.bson.Document total = (org.bson.Document) t;
                int i = index(total.getString("key"));
                sums = grow(sums, i);
                sums[i] += ((Number) total.get("value")).longValue();
                keys.set(i);
            }
        }
        return sums;
    }

    /** The fields {@link #addRegion} reads. */
    static final String[] REGION_FIELDS = {"countedTps", "flaggedTps", "submittedTps", "verifiedTps", "correctedTps",
            "counted", "flagged"};

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    public void merge(Tally other) {
        countedTps += other.countedTps;
        flaggedTps += other.flaggedTps;
        submittedTps += other.submittedTps;
        verifiedTps += other.verifiedTps;
        correctedTps += other.correctedTps;
        for (int i = other.countedKeys.nextSetBit(0); i >= 0; i = other.countedKeys.nextSetBit(i + 1)) {
            counted = grow(counted, i);
            counted[i] += other.counted[i];
            countedKeys.set(i);
        }
        for (int i = other.flaggedKeys.nextSetBit(0); i >= 0; i = other.flaggedKeys.nextSetBit(i + 1)) {
            flagged = grow(flagged, i);
            flagged[i] += other.flagged[i];
            flaggedKeys.set(i);
        }
    }

    public List<Total> counted() {
        return list(counted, countedKeys);
    }

    public List<Total> flagged() {
        return list(flagged, flaggedKeys);
    }

    private static List<Total> list(long[] sums, BitSet present) {
        List<Integer> indexes = new ArrayList<>(present.cardinality());
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            indexes.add(i);
        }
        indexes.sort(Tally::formOrder);
        List<Total> out = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            out.add(new Total(KEYS.get(i), sums[i]));
        }
        return out;
    }

    /** {@link #formOrder(String, String)} of two interned keys, from each key's parts parsed once. */
    private static int formOrder(int a, int b) {
        FormPosition pa = POSITIONS.computeIfAbsent(a, i -> FormPosition.of(KEYS.get(i)));
        FormPosition pb = POSITIONS.computeIfAbsent(b, i -> FormPosition.of(KEYS.get(i)));
        return pa.compareTo(pb);
    }

    /** A key's rank and its dot-separated parts (with their numbers): what {@link #formOrder} compares. */
    private record FormPosition(int rank, String[] parts, Integer[] numbers) implements Comparable<FormPosition> {

        static FormPosition of(String key) {
            String[] parts = key.split("\\.");
            Integer[] numbers = new Integer[parts.length];
            for (int i = 0; i < parts.length; i++) {
                numbers[i] = parts[i].matches("\\d+") ? Integer.valueOf(parts[i]) : null;
            }
            return new FormPosition(Tally.rank(key), parts, numbers);
        }

        @Override
        public int compareTo(FormPosition o) {
            if (rank != o.rank) {
                return Integer.compare(rank, o.rank);
            }
            for (int i = 0; i < Math.min(parts.length, o.parts.length); i++) {
                int c = numbers[i] != null && o.numbers[i] != null ? Integer.compare(numbers[i], o.numbers[i])
                        : parts[i].compareTo(o.parts[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(parts.length, o.parts.length);
        }
    }

    /** Sorts keys as on the form: voter rows, ballots, then votes, numbers in numeric order. */
    static int formOrder(String a, String b) {
        return FormPosition.of(a).compareTo(FormPosition.of(b));
    }

    private static int rank(String key) {
        if (key.startsWith("ballots.")) {
            return 1;
        }
        switch (key) {
            case "votes.valid" -> {
                return 3;
            }
            case "votes.invalid" -> {
                return 4;
            }
            case "votes.total" -> {
                return 5;
            }
            default -> {
                if (key.startsWith("votes.")) {
                    return 2;
                }
            }
        }
        return 0;
    }

    private static long[] grow(long[] array, int index) {
        return index < array.length ? array : java.util.Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
    }

    public int countedTps() {
        return countedTps;
    }

    public int flaggedTps() {
        return flaggedTps;
    }
}
