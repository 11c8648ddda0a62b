package id.pemilu.partyregistry.party;

import id.pemilu.common.text.Names;

/** One person of a party's central leadership (DPP). Gender is L (laki-laki) or P (perempuan). */
public record Leader(String name, String role, String gender) {

    public Leader {
        name = Names.check(name, "Nama pengurus", Names.PERSON_MAX);
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("Jabatan pengurus wajib diisi: " + name);
        }
        role = Names.check(role, "Jabatan pengurus", 100);
        gender = Gender.normalize(gender);
    }

    boolean woman() {
        return "P".equals(gender);
    }
}
