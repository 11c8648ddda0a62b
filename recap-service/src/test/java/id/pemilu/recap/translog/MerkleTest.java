package id.pemilu.recap.translog;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.verifier.MerkleProofs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's proofs, checked by the independent verifier's RFC 9162 code, for every pair of sizes up to 70. */
class MerkleTest {

    final List<byte[]> leaves = new ArrayList<>();
    final Map<Long, byte[]> nodes = new HashMap<>();

    /** Naive MTH straight from RFC 9162 2.1.1 over the leaf list. */
    byte[] naive(int start, int end) {
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = Integer.highestOneBit(end - start - 1);
        return Merkle.nodeHash(naive(start, start + k), naive(start + k, end));
    }

    final Merkle.Subtrees tree = (level, index) -> {
        long size = 1L << level;
        return naive((int) (index * size), (int) ((index + 1) * size));
    };

    MerkleTest() {
        for (int i = 0; i < 70; i++) {
            leaves.add(Merkle.leafHash(("entri " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void rootsMatchTheRfcDefinitionAndTheVerifiersIncrementalRoot() {
        MerkleProofs.RootBuilder builder = new MerkleProofs.RootBuilder();
        for (int n = 1; n <= 70; n++) {
            builder.add(leaves.get(n - 1));
            assertThat(Merkle.root(tree, n)).as("size %d", n).isEqualTo(naive(0, n)).isEqualTo(builder.root());
        }
        assertThat(Merkle.root(tree, 0)).isEqualTo(new MerkleProofs.RootBuilder().root());
    }

    @Test
    void everyInclusionProofVerifiesAndFailsForAnotherLeafOrRoot() {
        for (int n = 1; n <= 70; n++) {
            byte[] root = naive(0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.inclusion(tree, m, n);
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), path, root)).as("%d of %d", m, n).isTrue();
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get((m + 1) % 70), path, root)).isFalse();
                if (n > 1) {
                    assertThat(MerkleProofs.verifyInclusion((m + 1) % n, n, leaves.get(m), path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndARewrittenPrefixFails() {
        for (int n = 1; n <= 70; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = Merkle.consistency(tree, m, n);
                assertThat(MerkleProofs.verifyConsistency(m, n, naive(0, m), naive(0, n), proof))
                        .as("%d → %d", m, n).isTrue();
                byte[] forged = naive(0, m).clone();
                forged[0] ^= 1;
                assertThat(MerkleProofs.verifyConsistency(m, n, forged, naive(0, n), proof)).isFalse();
            }
        }
        // a rewritten entry 3: the old head of 10 entries is no prefix of the new tree of 20
        byte[] oldRoot = naive(0, 10);
        leaves.set(3, Merkle.leafHash("ditulis ulang".getBytes(StandardCharsets.UTF_8)));
        assertThat(MerkleProofs.verifyConsistency(10, 20, oldRoot, naive(0, 20), Merkle.consistency(tree, 10, 20)))
                .isFalse();
        assertThat(Arrays.equals(oldRoot, naive(0, 10))).isFalse();
    }
}
