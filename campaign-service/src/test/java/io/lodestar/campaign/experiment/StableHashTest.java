package io.lodestar.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StableHashTest {

    @Test
    void matchesThePublishedMurmur3VectorForTheFoxSentence() {
        // MurmurHash3 x64_128, seed 0, of this sentence is 6c1b07bc7bbc4be3 47939ac4a93c437a as bytes; its first
        // half read little-endian is the h1 below (the value in Guava's Murmur3Hash128Test).
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(StableHash.murmur3x64(fox)).isEqualTo(0xe34bbc7bbc071b6cL);
    }

    @Test
    void emptyInputHashesToZero() {
        // With seed 0 and no bytes every step of the algorithm keeps h1 = h2 = 0, and fmix64(0) = 0.
        assertThat(StableHash.murmur3x64(new byte[0])).isZero();
    }

    /**
     * One input per tail length the algorithm branches on (1, 5, 8, 9, 15 bytes), a whole block (16), a block plus
     * one byte (17) and multi-byte UTF-8. Expected values were produced with Guava 33.4.8
     * {@code Hashing.murmur3_128().hashBytes(utf8)}, first eight bytes read little-endian.
     */
    @ParameterizedTest
    @CsvSource({
        "a, 0x85555565f6597889",
        "hello, 0xcbd8a7b341bd9b02",
        "12345678, 0x3b4a640638b1419c",
        "123456789, 0x3c84645edb66cca4",
        "0123456789abcde, 0xa62dd5f6c0bf2351",
        "0123456789abcdef, 0x4be06d94cf4ad1a7",
        "0123456789abcdefg, 0x8e32612daa45f9de",
        "héllo wörld ☃, 0x039a044421eb43a9"
    })
    void matchesGuavaForEveryTailLength(String input, String expectedHex) {
        long expected = Long.parseUnsignedLong(expectedHex.substring(2), 16);
        assertThat(StableHash.murmur3x64(input.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void partsAreLengthPrefixedSoShiftingABoundaryChangesTheHash() {
        assertThat(StableHash.ofParts("ab", "c")).isNotEqualTo(StableHash.ofParts("a", "bc"));
        assertThat(StableHash.ofParts("control", "c1", "u1")).isNotEqualTo(StableHash.ofParts("variant", "c1", "u1"));
    }

    @Test
    void ofPartsHashesTheDocumentedEncoding() {
        // "ab" then "c": 00 00 00 02 'a' 'b' 00 00 00 01 'c'.
        byte[] encoded = {0, 0, 0, 2, 'a', 'b', 0, 0, 0, 1, 'c'};
        assertThat(StableHash.ofParts("ab", "c")).isEqualTo(StableHash.murmur3x64(encoded));
    }
}
