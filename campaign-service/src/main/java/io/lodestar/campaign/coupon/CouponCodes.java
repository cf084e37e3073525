package io.lodestar.campaign.coupon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Coupon codes derived from the message's idempotency key: a retried decision issues the same code, and codes are
 * not guessable from one another (SHA-256, 50 bits shown in Crockford base32, which has no I, L, O or U to misread).
 */
public final class CouponCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private CouponCodes() {
    }

    public static String forKey(String idempotencyKey) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        StringBuilder code = new StringBuilder("LS");
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return code.toString();
    }
}
