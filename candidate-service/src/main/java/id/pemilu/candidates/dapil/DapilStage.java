package id.pemilu.candidates.dapil;

/** Where the candidate lists of a dapil are: parties nominate, the DCS is public, or the DCT is final. */
public enum DapilStage {
    NOMINATION, DCS, DCT
}
