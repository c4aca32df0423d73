package dev.reelwatch.store;

import java.util.HexFormat;

/**
 * MurmurHash3 x64 128-bit (seed 0) over a stream of little-endian chars, ints and longs, fed one value at a time
 * so nothing is copied into a string or byte array first. The result equals Murmur3 over those values' bytes
 * (as Guava's {@code murmur3_128().newHasher().putChar/putInt/putLong} would give). Not cryptographic: it tells a
 * value from its own previous version, where no one picks inputs to collide. One instance hashes one value.
 */
final class Murmur3Hasher {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final int CHARS_PER_BLOCK = 8;

    private long h1;
    private long h2;
    /** The block being filled: chars 0-3 in {@code k1}, 4-7 in {@code k2}. */
    private long k1;
    private long k2;
    private int pendingChars;
    private long totalChars;

    void putChar(char c) {
        long unit = c;
        if (pendingChars < 4) {
            k1 |= unit << (16 * pendingChars);
        } else {
            k2 |= unit << (16 * (pendingChars - 4));
        }
        totalChars++;
        if (++pendingChars == CHARS_PER_BLOCK) {
            mixBlock();
        }
    }

    void putInt(int value) {
        putChar((char) value);
        putChar((char) (value >>> 16));
    }

    void putLong(long value) {
        putInt((int) value);
        putInt((int) (value >>> 32));
    }

    /** The chars of {@code s}, whole blocks at a time where the stream is at a block boundary. */
    void putChars(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && pendingChars != 0) {
            putChar(s.charAt(i++));
        }
        for (; i + CHARS_PER_BLOCK <= n; i += CHARS_PER_BLOCK) {
            k1 = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48;
            k2 = s.charAt(i + 4) | (long) s.charAt(i + 5) << 16 | (long) s.charAt(i + 6) << 32
                    | (long) s.charAt(i + 7) << 48;
            totalChars += CHARS_PER_BLOCK;
            mixBlock();
        }
        while (i < n) {
            putChar(s.charAt(i++));
        }
    }

    /** The 128-bit hash as 32 hex digits; the hasher is spent afterwards. */
    String hex() {
        // A partial block mixes in as it stands; an empty half mixes to nothing, as in the reference tail.
        h2 ^= mixK2(k2);
        h1 ^= mixK1(k1);
        long lengthInBytes = totalChars * 2;
        h1 ^= lengthInBytes;
        h2 ^= lengthInBytes;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(h1) + hex.toHexDigits(h2);
    }

    private void mixBlock() {
        h1 ^= mixK1(k1);
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mixK2(k2);
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
        k1 = 0;
        k2 = 0;
        pendingChars = 0;
    }

    private static long mixK1(long k) {
        return Long.rotateLeft(k * C1, 31) * C2;
    }

    private static long mixK2(long k) {
        return Long.rotateLeft(k * C2, 33) * C1;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
