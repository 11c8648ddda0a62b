package id.pemilu.partyregistry.party;

import java.util.Map;

/** Counted members of a party per kab/kota code (provided by the member registry). */
public interface MemberCounts {

    Map<String, Long> countedPerKabKota(String partyId);
}
