package id.pemilu.candidates.publication;

import id.pemilu.candidates.dapil.DapilView;
import id.pemilu.candidates.dapil.PublishedParty;
import java.time.Instant;
import java.util.List;

/**
 * The public DCS or DCT of one dapil. Never carries NIK, address, birth date, documents or health data; the CV only
 * of candidates who agreed to publish it.
 *
 * @param list        "DCS" or "DCT"
 * @param publishedAt when KPU published the DCS (list DCS) or finalized the DCT (list DCT)
 */
public record PublicBallot(DapilView dapil, String list, int dctVersion, Instant publishedAt,
                           List<PublishedParty> parties) {
}
