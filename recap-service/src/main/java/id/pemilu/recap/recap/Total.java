package id.pemilu.recap.recap;

/** A summed number of a region, keyed like the C.Hasil form. */
public record Total(String key, long value) {
}
