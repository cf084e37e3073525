package io.lodestar.customerprofile.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.lodestar.customerprofile.config.IdentityConfig;
import io.lodestar.platform.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an identity value into the key it is stored and matched by: the value itself for opaque ids, and a
 * keyed hash (HMAC-SHA256) of the normalised value for phone numbers and e-mails, so that no clear personal
 * data is ever stored, while the same phone written two ways still matches.
 */
@ApplicationScoped
public class IdentityHasher {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,20}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern OPAQUE = Pattern.compile("^[\\x21-\\x7e]{1,128}$");

    private final SecretKeySpec key;

    public IdentityHasher(IdentityConfig config) {
        if (config.hashSecret().length() < 16) {
            throw new IllegalStateException("lodestar.identity.hash-secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(config.hashSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The stored key of a value; a value that is not a valid value of its type is a 400 naming {@code field}.
     */
    public String key(IdentityType type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return switch (type) {
            case PHONE -> hmac(normalisePhone(value, field));
            case EMAIL -> hmac(normaliseEmail(value, field));
            default -> {
                if (!OPAQUE.matcher(value).matches()) {
                    throw new InvalidInputException(field, "must be 1 to 128 printable characters without spaces");
                }
                yield value;
            }
        };
    }

    /** Digits with an optional leading +; spaces, dashes, dots and brackets are dropped. */
    static String normalisePhone(String value, String field) {
        String phone = value.replaceAll("[\\s\\-().]", "");
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidInputException(field, "is not a phone number");
        }
        return phone;
    }

    static String normaliseEmail(String value, String field) {
        String email = value.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(field, "is not an e-mail address");
        }
        return email;
    }

    private String hmac(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
