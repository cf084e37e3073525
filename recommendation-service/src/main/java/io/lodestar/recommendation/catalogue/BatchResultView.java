package io.lodestar.recommendation.catalogue;

/** What {@code POST /items:batch} wrote. */
public record BatchResultView(int created, int updated) {
}
