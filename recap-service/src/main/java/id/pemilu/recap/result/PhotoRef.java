package id.pemilu.recap.result;

/** A photo page a result was read from; {@code sha256} identifies the stored original and its public copy. */
public record PhotoRef(int page, String sha256) {
}
