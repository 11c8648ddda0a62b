package id.pemilu.recap.signing;

/**
 * The D.Hasil signing key as the rest of the service sees it: its id only. The transparency log refuses to sign with
 * the same key ({@code LogSigner}) without depending on the D.Hasil package.
 */
public interface DHasilKey {

    /** The id of the key that signs D.Hasil. */
    String keyId();
}
