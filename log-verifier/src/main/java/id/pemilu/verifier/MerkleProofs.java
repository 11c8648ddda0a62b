package id.pemilu.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 section 2.1, written from the RFC for this verifier (independently of the service): leaf and node hashes,
 * the root of a list of leaves, and the verification of inclusion (2.1.3.2) and consistency (2.1.4.2) proofs.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        sha.update(entry);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** Adds leaves one by one and gives the root of all added so far (a stack of complete subtrees). */
    public static final class RootBuilder {
        private final List<byte[]> hashes = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private long count;

        public void add(byte[] leafHash) {
            byte[] hash = leafHash;
            long size = 1;
            while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == size) {
                hash = nodeHash(hashes.remove(hashes.size() - 1), hash);
                sizes.remove(sizes.size() - 1);
                size *= 2;
            }
            hashes.add(hash);
            sizes.add(size);
            count++;
        }

        public long count() {
            return count;
        }

        /**
         * The complete subtrees of the leaves added so far, largest (leftmost) first: with the count, all a later
         * run needs to go on adding leaves ({@link #resume}) without the leaves themselves.
         */
        public List<byte[]> frontier() {
            return List.copyOf(hashes);
        }

        /**
         * A builder that goes on from a tree of {@code count} leaves whose complete subtrees are {@code frontier}
         * (as given by {@link #frontier()}): one subtree per set bit of {@code count}, largest first.
         */
        public static RootBuilder resume(long count, List<byte[]> frontier) {
            if (count < 0 || Long.bitCount(count) != frontier.size()) {
                throw new IllegalArgumentException("frontier of " + frontier.size()
                        + " subtrees does not fit a tree of " + count + " leaves");
            }
            RootBuilder builder = new RootBuilder();
            int i = 0;
            for (int bit = 62; bit >= 0; bit--) {
                long size = 1L << bit;
                if ((count & size) != 0) {
                    byte[] hash = frontier.get(i++);
                    if (hash.length != 32) {
                        throw new IllegalArgumentException("subtree hash of " + hash.length + " bytes");
                    }
                    builder.hashes.add(hash.clone());
                    builder.sizes.add(size);
                }
            }
            builder.count = count;
            return builder;
        }

        public byte[] root() {
            if (hashes.isEmpty()) {
                return sha256().digest();
            }
            byte[] root = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                root = nodeHash(hashes.get(i), root);
            }
            return root;
        }
    }

    /** RFC 9162 2.1.3.2: does {@code path} prove leaf {@code index} in the tree of {@code size} with {@code root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: is the tree of {@code first} leaves ({@code firstRoot}) a prefix of the second? */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
