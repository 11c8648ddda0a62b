package id.pemilu.candidates.nomination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every nomination by NIK hash, over any number of lists (used for the national double-candidacy check). */
public final class CandidacyIndex {

    private final Map<String, Object> byNik;

    public CandidacyIndex(int expectedCandidates) {
        byNik = new HashMap<>(Math.max(16, expectedCandidates * 4 / 3 + 1));
    }

    public record ListRef(String listId, String description) {
    }

    public void add(ListUnderCheck list) {
        ListRef ref = new ListRef(list.listId(), list.body() + " dapil " + list.dapilCode() + " ("
                + list.partyId() + ")");
        for (CandidateFacts candidate : list.candidates()) {
            add(candidate.nikHash(), ref);
        }
    }

    /** Most people are nominated once: a single ref is stored as is; a list is made only for the second one. */
    @SuppressWarnings("unchecked")
    public void add(String nikHash, ListRef ref) {
        Object current = byNik.get(nikHash);
        if (current == null) {
            byNik.put(nikHash, ref);
        } else if (current instanceof ListRef single) {
            List<ListRef> refs = new ArrayList<>(2);
            refs.add(single);
            refs.add(ref);
            byNik.put(nikHash, refs);
        } else {
            ((List<ListRef>) current).add(ref);
        }
    }

    /** Descriptions of the lists other than {@code listId} that nominate {@code nikHash}. */
    @SuppressWarnings("unchecked")
    public List<String> others(String nikHash, String listId) {
        Object current = byNik.get(nikHash);
        if (current == null) {
            return List.of();
        }
        if (current instanceof ListRef single) {
            return single.listId().equals(listId) ? List.of() : List.of(single.description());
        }
        List<String> result = new ArrayList<>();
        for (ListRef ref : (List<ListRef>) current) {
            if (!ref.listId().equals(listId) && !result.contains(ref.description())) {
                result.add(ref.description());
            }
        }
        return result;
    }
}
