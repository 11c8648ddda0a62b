package id.pemilu.partyregistry.party;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Counted members of a party per kab/kota code (provided by the member registry). */
public interface MemberCounts {

    Map<String, Long> countedPerKabKota(String partyId);

    /** Counted members of several parties (party id to counts per kab/kota). */
    default Map<String, Map<String, Long>> countedPerKabKota(Collection<String> partyIds) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        partyIds.forEach(id -> counts.put(id, countedPerKabKota(id)));
        return counts;
    }
}
