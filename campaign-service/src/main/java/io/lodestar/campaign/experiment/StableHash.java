package io.lodestar.campaign.experiment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash that must never change between releases, because experiment membership is derived from it: if the
 * hash changed, every running experiment would silently reshuffle its customers between arms.
 *
 * <p>It is MurmurHash3 x64_128 (Austin Appleby, public domain), of which the first 64-bit half ({@code h1}) is kept.
 * Murmur3 was chosen over {@code String.hashCode} (32 bits, poor avalanche on similar ids such as
 * {@code customer-1}, {@code customer-2}) and over CRC32C (a checksum, linear, so related inputs give related
 * outputs); its {@code fmix64} finaliser makes every input bit affect every output bit. The output is identical to
 * Guava's {@code Hashing.murmur3_128()} first eight bytes read little-endian, which the test pins.
 */
final class StableHash {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private StableHash() {
    }

    /**
     * Hashes several strings as one key. Each part is written as its UTF-8 byte length (4 bytes, big-endian)
     * followed by its bytes, so that ("ab", "c") and ("a", "bc") cannot collide the way plain concatenation would.
     */
    static long ofParts(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            int length = bytes.length;
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.write(bytes, 0, length);
        }
        return murmur3x64(out.toByteArray());
    }

    /** The first 64 bits ({@code h1}) of MurmurHash3 x64_128 over {@code data}, with seed 0. */
    static long murmur3x64(byte[] data) {
        int length = data.length;
        // Seed 0: the parts already carry a domain tag, so a second way of separating hash families is not needed.
        long h1 = 0;
        long h2 = 0;

        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = littleEndianLong(data, i * 16);
            long k2 = littleEndianLong(data, i * 16 + 8);

            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;

            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }

        // The tail (0 to 15 bytes) is folded in the same order as the reference implementation's fall-through switch.
        int tail = blocks * 16;
        int remaining = length & 15;
        long k1 = 0;
        long k2 = 0;
        for (int i = remaining - 1; i >= 8; i--) {
            k2 ^= (data[tail + i] & 0xffL) << ((i - 8) * 8);
        }
        if (remaining > 8) {
            h2 ^= mixK2(k2);
        }
        for (int i = Math.min(remaining, 8) - 1; i >= 0; i--) {
            k1 ^= (data[tail + i] & 0xffL) << (i * 8);
        }
        if (remaining > 0) {
            h1 ^= mixK1(k1);
        }

        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        return h1;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long littleEndianLong(byte[] data, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xffL);
        }
        return value;
    }
}
