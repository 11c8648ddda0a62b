package id.pemilu.partyregistry.member;

/**
 * A further row listing a person a party already lists (an identical duplicate). Kept at the top of the person
 * document, not inside the membership, so that an import appends it with a plain write by id.
 */
public record ExtraRow(String partyId, String importId, int row) {
}
