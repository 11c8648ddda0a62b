package id.pemilu.recap.translog;

import id.pemilu.common.web.ApiProblem;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.registry.TpsCode;
import java.util.HexFormat;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public transparency log (anonymous, read-only): the latest signed tree head, entries by index, inclusion and
 * consistency proofs (RFC 9162), and the proof for a TPS's current result or a region's latest D.Hasil. Hashes are
 * lowercase hex; the signature base64 over {@link TreeHeads.Head#signedBytes()}; the key X.509 base64.
 */
@RestController
class LogController {

    static final int MAX_ENTRIES = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final TransparencyLog translog;
    private final TreeHeads heads;

    LogController(TransparencyLog translog, TreeHeads heads) {
        this.translog = translog;
        this.heads = heads;
    }

    @GetMapping("/api/recap/public/log/head")
    SignedHead head() {
        return signed(heads.latest());
    }

    @GetMapping("/api/recap/public/log/entries")
    Entries entries(@RequestParam long start, @RequestParam long end) {
        long size = translog.size();
        if (start < 0 || end <= start || end > size) {
            throw new IllegalArgumentException("Rentang entri harus 0 ≤ start < end ≤ " + size + ".");
        }
        if (end - start > MAX_ENTRIES) {
            throw new IllegalArgumentException("Paling banyak " + MAX_ENTRIES + " entri per permintaan.");
        }
        return new Entries(start, end, translog.entries(start, end).stream()
                .map(e -> new EntryView(e.index(), HEX.formatHex(e.leaf()), e.data())).toList());
    }

    @GetMapping("/api/recap/public/log/proof/inclusion")
    InclusionProof inclusion(@RequestParam long index, @RequestParam long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index harus 0 ≤ index < treeSize.");
        }
        TransparencyLog.Stored entry = translog.entry(index)
                .orElseThrow(() -> ApiProblem.notFound("Entri " + index + " tidak ada."));
        return new InclusionProof(index, treeSize, HEX.formatHex(entry.leaf()), hex(translog.inclusion(index, treeSize)));
    }

    @GetMapping("/api/recap/public/log/proof/consistency")
    ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
        return new ConsistencyProof(first, second, hex(translog.consistency(first, second)));
    }

    @GetMapping("/api/recap/public/log/tps/{tpsCode}/{ballotType}")
    SubjectProof tps(@PathVariable String tpsCode, @PathVariable String ballotType) {
        String subject = LogEntry.tpsSubject(new TpsCode(tpsCode).value(), BallotType.parse(ballotType).name());
        return subjectProof(subject, "TPS " + tpsCode + " " + ballotType);
    }

    @GetMapping("/api/recap/public/log/dhasil/{ballotType}/{region}")
    SubjectProof dhasil(@PathVariable String ballotType, @PathVariable String region) {
        String subject = LogEntry.dhasilSubject(BallotType.parse(ballotType).name(), region);
        return subjectProof(subject, "D.Hasil " + ballotType + " " + region);
    }

    private SubjectProof subjectProof(String subject, String what) {
        long index = translog.latest(subject)
                .orElseThrow(() -> ApiProblem.notFound("Belum ada entri log untuk " + what + "."));
        TreeHeads.Head head = heads.latest();
        if (index >= head.treeSize()) {
            throw ApiProblem.notFound("Entri terbaru untuk " + what + " belum masuk tree head yang ditandatangani; "
                    + "coba lagi dalam beberapa detik.");
        }
        TransparencyLog.Stored entry = translog.entry(index)
                .orElseThrow(() -> ApiProblem.notFound("Entri " + index + " tidak ada."));
        List<ProvenEntry> all = translog.all(subject).stream().filter(i -> i < head.treeSize()).limit(200)
                .map(i -> translog.entry(i).map(e -> new ProvenEntry(e.index(), e.data(), HEX.formatHex(e.leaf()),
                        hex(translog.inclusion(e.index(), head.treeSize())))).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        return new SubjectProof(entry.index(), entry.data(), HEX.formatHex(entry.leaf()), signed(head),
                hex(translog.inclusion(index, head.treeSize())), all);
    }

    private SignedHead signed(TreeHeads.Head head) {
        return new SignedHead(head.treeSize(), head.rootHash(), head.timestamp(), head.signature(), "Ed25519",
                heads.signer().keyId(), heads.signer().publicKeyBase64(), heads.signer().isDev(),
                TreeHeads.PREFIX + "\\n<treeSize>\\n<rootHash>\\n<timestamp>");
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    record SignedHead(long treeSize, String rootHash, long timestamp, String signature, String algorithm,
                      String keyId, String publicKey, boolean devKey, String signedText) {
    }

    record EntryView(long index, String leafHash, String data) {
    }

    record Entries(long start, long end, List<EntryView> entries) {
    }

    record InclusionProof(long index, long treeSize, String leafHash, List<String> path) {
    }

    record ConsistencyProof(long first, long second, List<String> path) {
    }

    /** {@code entries}: every entry about the same TPS or D.Hasil (photo, reading, result...), each with its proof. */
    record SubjectProof(long index, String data, String leafHash, SignedHead head, List<String> path,
                        List<ProvenEntry> entries) {
    }

    record ProvenEntry(long index, String data, String leafHash, List<String> path) {
    }
}
