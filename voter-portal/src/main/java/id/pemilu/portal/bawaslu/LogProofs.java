package id.pemilu.portal.bawaslu;

import id.pemilu.verifier.MerkleProofs;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks, in the portal, what recap-service's public log says about a TPS: the signature of the tree head, and for
 * every entry about the TPS its RFC 9162 inclusion proof against that head (with the independent verifier's code).
 */
public final class LogProofs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private LogProofs() {
    }

    /** One entry of the TPS as the page shows it, and whether its proof holds. */
    public record Checked(long index, String kind, String action, String at, String actor, String role, String reason,
                   String detail, boolean proven) {
    }

    /** The head, whether its signature holds, and the checked entries. */
    public record Summary(long treeSize, String rootHash, String keyId, boolean devKey, boolean signatureValid,
                   List<Checked> entries) {

        public boolean allProven() {
            return signatureValid && entries.stream().allMatch(Checked::proven);
        }
    }

    static Summary check(JsonNode answer) {
        JsonNode head = answer.path("head");
        long size = head.path("treeSize").asLong();
        String root = head.path("rootHash").asString("");
        byte[] signed = ("pemilu-translog-sth-v1\n" + size + "\n" + root + "\n" + head.path("timestamp").asLong())
                .getBytes(StandardCharsets.UTF_8);
        boolean signature = signatureValid(head.path("publicKey").asString(""), signed,
                head.path("signature").asString(""));
        List<Checked> entries = new ArrayList<>();
        for (JsonNode e : answer.path("entries")) {
            String data = e.path("data").asString("");
            List<byte[]> path = new ArrayList<>();
            e.path("path").forEach(h -> path.add(HEX.parseHex(h.asString())));
            boolean proven;
            try {
                proven = MerkleProofs.verifyInclusion(e.path("index").asLong(), size,
                        MerkleProofs.leafHash(data.getBytes(StandardCharsets.UTF_8)), path, HEX.parseHex(root));
            } catch (IllegalArgumentException bad) {
                proven = false;
            }
            JsonNode entry = JSON.readTree(data);
            String detail = switch (entry.path("kind").asString("")) {
                case "photo" -> "foto halaman " + entry.path("page").asString("") + ", SHA-256 "
                        + entry.path("sha256").asString("");
                case "reading" -> "bacaan mesin " + entry.path("outcome").asString("") + ", SHA-256 bacaan "
                        + entry.path("readingSha256").asString("");
                case "result" -> "versi " + entry.path("version").asString("") + ", status "
                        + entry.path("status").asString("");
                default -> "";
            };
            entries.add(new Checked(e.path("index").asLong(), entry.path("kind").asString(""),
                    entry.path("action").asString(""), entry.path("at").asString(""), entry.path("actor").asString(""),
                    entry.path("role").asString(""), entry.path("reason").asString(""), detail, proven));
        }
        return new Summary(size, root, head.path("keyId").asString(""), head.path("devKey").asBoolean(), signature,
                entries);
    }

    private static boolean signatureValid(String publicKey, byte[] signed, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
            verifier.update(signed);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
