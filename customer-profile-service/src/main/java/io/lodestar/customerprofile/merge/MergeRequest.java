package io.lodestar.customerprofile.merge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Merge {@code mergedId} into {@code survivorId}: the two profiles are one person. */
public record MergeRequest(@NotBlank @Size(max = 64) String survivorId, @NotBlank @Size(max = 64) String mergedId) {
}
