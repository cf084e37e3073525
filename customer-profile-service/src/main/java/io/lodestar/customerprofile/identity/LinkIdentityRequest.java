package io.lodestar.customerprofile.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param value  the id; a phone number or e-mail in clear, which is hashed at once and never stored
 * @param source where the link was learnt (e.g. {@code app-login}, {@code crm-import})
 */
public record LinkIdentityRequest(@NotNull IdentityType type, @NotBlank @Size(max = 256) String value,
        @Size(max = 64) String source) {
}
