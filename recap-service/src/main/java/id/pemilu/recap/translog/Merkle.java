package id.pemilu.recap.translog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf = SHA-256(0x00 ‖ entry), node =
 * SHA-256(0x01 ‖ left ‖ right), a tree of n leaves split at the largest power of two below n. Hashes of whole,
 * aligned subtrees (2^level leaves starting at a multiple of 2^level) come from {@link Subtrees}, so a root or a proof
 * of a tree of any size needs O(log² n) stored hashes and no pass over the leaves. Pure functions.
 */
public final class Merkle {

    /** Hash of the aligned subtree {@code [index·2^level, (index+1)·2^level)}; level 0 = the leaf hash. */
    public interface Subtrees {
        byte[] perfect(int level, long index);
    }

    private Merkle() {
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(entry);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[start:end]) for a range that the RFC's recursion produces (start aligned to the range's split). */
    public static byte[] hash(Subtrees tree, long start, long end) {
        long size = end - start;
        if (size <= 0) {
            throw new IllegalArgumentException("empty range");
        }
        if (Long.bitCount(size) == 1 && start % size == 0) {
            return tree.perfect(Long.numberOfTrailingZeros(size), start / size);
        }
        long k = splitOf(size);
        return nodeHash(hash(tree, start, start + k), hash(tree, start + k, end));
    }

    public static byte[] root(Subtrees tree, long size) {
        return size == 0 ? emptyRoot() : hash(tree, 0, size);
    }

    /** PATH(m, D[0:n]) of RFC 9162 2.1.3.1: the audit path of leaf {@code index} in the tree of {@code size}. */
    public static List<byte[]> inclusion(Subtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, index, 0, size, path);
        return path;
    }

    private static void path(Subtrees tree, long m, long start, long end, List<byte[]> out) {
        if (end - start == 1) {
            return;
        }
        long k = splitOf(end - start);
        if (m < start + k) {
            path(tree, m, start, start + k, out);
            out.add(hash(tree, start + k, end));
        } else {
            path(tree, m, start + k, end, out);
            out.add(hash(tree, start, start + k));
        }
    }

    /** PROOF(m, D[0:n]) of RFC 9162 2.1.4.1: the tree of {@code first} leaves is a prefix of the one of {@code second}. */
    public static List<byte[]> consistency(Subtrees tree, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("sizes " + first + " and " + second + " do not make a consistency proof");
        }
        List<byte[]> proof = new ArrayList<>();
        if (first == 0 || first == second) {
            return proof;
        }
        subproof(tree, first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(hash(tree, start, end));
            }
            return;
        }
        long k = splitOf(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, whole, out);
            out.add(hash(tree, start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, out);
            out.add(hash(tree, start, start + k));
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    static long splitOf(long n) {
        return Long.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
