package io.lodestar.recommendation.catalogue;

/** What an item id may look like: the shop's own SKU, printable and without slashes (it is a path segment). */
final class ItemIds {

    static final String PATTERN = "[^/\\s]{1,100}";
    static final String MESSAGE = "must be 1-100 characters without spaces or slashes";

    private ItemIds() {
    }
}
