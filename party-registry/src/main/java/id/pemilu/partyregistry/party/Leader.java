package id.pemilu.partyregistry.party;

/** One person of a party's central leadership (DPP). Gender is L (laki-laki) or P (perempuan). */
public record Leader(String name, String role, String gender) {

    public Leader {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Nama pengurus wajib diisi.");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("Jabatan pengurus wajib diisi: " + name);
        }
        gender = Gender.normalize(gender);
        name = name.strip();
        role = role.strip();
    }

    boolean woman() {
        return "P".equals(gender);
    }
}
