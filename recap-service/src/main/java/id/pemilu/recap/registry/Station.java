package id.pemilu.recap.registry;


/** One TPS of the registry with its DPT (men and women). */
public record Station(TpsCode code, int dptMen, int dptWomen) {

    public Station {
        if (code == null) {
            throw new IllegalArgumentException("Kode TPS wajib diisi");
        }
        if (dptMen < 0 || dptWomen < 0) {
            throw new IllegalArgumentException("DPT tidak boleh negatif: " + code);
        }
    }

    public int dpt() {
        return dptMen + dptWomen;
    }
}
