package io.lodestar.segmentation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Ids from names ({@code "Classic RFM"} → {@code classic-rfm}) for what operators name and apps read in tags
 * ({@code rfm:classic-rfm}, {@code segment:vip-buyers}): readable, and fixed at creation so a rename keeps them.
 */
public final class Slugs {

    private static final int MAX_LENGTH = 40;

    private Slugs() {
    }

    public static String of(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            // a name in a script without Latin letters: stable, if not readable
            slug = "id-" + Integer.toHexString(name.hashCode());
        }
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-+$", "") : slug;
    }
}
