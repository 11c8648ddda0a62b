package id.pemilu.recap.dhasil;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The D.Hasil document without Spring: packing, canonical encoding, Ed25519 from a seed, PDF with its QR code. */
class DHasilDocumentTest {

    static DHasil sample(String claim) {
        List<String> keys = List.of("votes.candidate.1", "votes.candidate.2", "votes.valid", "votes.invalid",
                "votes.total");
        List<DHasil.Row> rows = List.of(
                new DHasil.Row("31.71.01.1001.001", "TPS 001", "31.71.01.1001", "tps_result", 2, "corrected", null,
                        "100,50,150,3,153"),
                new DHasil.Row("31.71.01.1001.002", "TPS 002", "31.71.01.1001", "tps_result", 0, "none", "PSU", ""),
                new DHasil.Row("31.71.01.1002.001", "TPS 001", "31.71.01.1002", "tps_result", 1, "submitted", null,
                        "20,30,50,1,51"));
        Instant at = Instant.parse("2026-02-20T03:04:05.123456Z");
        return DHasil.draft("PPWP", "31.71.01", "Gambir", "KECAMATAN", 1, null, keys, rows,
                List.of(new DHasil.Decision("31.71.01.1001.002", "PSU", "Banjir", "ppk", at)),
                List.of(new DHasil.Correction("KR-1", "31.71.01.1001.001", "votes.candidate.1", 98, 100, "C.Hasil",
                        "K-1", "ppk", at)),
                List.of(new DHasil.Objection("K-1", "31.71.01.1001.001", "votes.candidate.1", "Andi", "partai:pnb",
                        claim, "ppk", at, "accepted", "benar", "KR-1", "ppk", at)),
                List.of(), "ppk.gambir", "ppk", at);
    }

    @Test
    void packedNumbersRoundTrip() {
        long[] n = {0, 7, 123456789012L, -3};
        assertThat(Packed.unpack(Packed.pack(n))).containsExactly(n);
        assertThat(Packed.unpack("")).isEmpty();
    }

    @Test
    void totalIsTheSumOfRowsWithNumbersAndTheEncodingIsUnambiguous() {
        DHasil d = sample("a|b");
        assertThat(d.totalNumbers()).containsExactly(120, 80, 200, 4, 204);
        String text = new String(DHasilCanonical.encode(d), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("DHASIL/1\nregion|31.71.01|Gambir|KECAMATAN\n");
        assertThat(text).contains("a\\pb").contains("|PSU|").contains("\ntotal|120,80,200,4,204\n");
        // the same words split differently give a different encoding
        assertThat(DHasilCanonical.encode(sample("a|b"))).isNotEqualTo(DHasilCanonical.encode(sample("a\\pb")));
        // times are kept to the millisecond, as the store keeps them
        assertThat(d.getFinalizedAt()).isEqualTo(Instant.parse("2026-02-20T03:04:05.123Z"));
    }

    @Test
    void ed25519KeyFromASeedIsDeterministicAndTheSignatureCoversEveryByte() throws Exception {
        byte[] seed = new byte[32];
        seed[0] = 7;
        KeyPair a = DHasilSigner.fromSeed(seed);
        KeyPair b = DHasilSigner.fromSeed(seed);
        assertThat(a.getPublic().getEncoded()).isEqualTo(b.getPublic().getEncoded());
        byte[] canonical = DHasilCanonical.encode(sample("klaim"));
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(a.getPrivate());
        s.update(canonical);
        byte[] sig = s.sign();
        java.security.Signature v = java.security.Signature.getInstance("Ed25519");
        v.initVerify(b.getPublic());
        v.update(canonical);
        assertThat(v.verify(sig)).isTrue();
        canonical[canonical.length / 2] ^= 1;
        v.initVerify(b.getPublic());
        v.update(canonical);
        assertThat(v.verify(sig)).isFalse();
    }

    @Test
    void thePdfCarriesAQrCodeOfTheVerificationUrl() throws Exception {
        DHasil d = sample("klaim");
        d.sign("ab".repeat(32), "c2lnbg==", "0011223344556677", true);
        String url = "http://localhost:8080/api/recap/public/dhasil/PPWP/31.71.01/versions/1/verify";
        byte[] pdf = new DHasilPdf().render(d, url);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(),
                    page.getHeight(), pixels)));
            assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(url);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("MODEL D.HASIL KECAMATAN-PPWP").contains("REKAPITULASI HASIL PENGHITUNGAN")
                    .contains("KUNCI PENGEMBANGAN").contains("DITERIMA").contains("PSU");
        }
    }
}
