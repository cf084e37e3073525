package io.lodestar.customerprofile.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The query parameters of {@code GET /customers} as sent; {@link CustomerService#list} parses the enum, band
 * and time values and names the parameter that is wrong.
 *
 * @param registeredFrom ISO-8601 instant, inclusive
 * @param registeredTo   ISO-8601 instant, exclusive
 */
public record CustomerListRequest(
        String cityTier,
        @Size(max = 100) String region,
        String ageBand,
        String memberTier,
        String registrationChannel,
        String registeredFrom,
        String registeredTo,
        @Size(max = 200) String cursor,
        @Min(1) @Max(200) Integer limit) {

    public static final int DEFAULT_LIMIT = 50;

    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
