package io.lodestar.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.lodestar.contracts.Channel;

/** A demo customer's profile and the hidden traits that drive their history. */
record DemoCustomer(String customerId, String gender, LocalDate birthDate, String city, String province,
                    String region, String cityTier, String memberTier, Instant registeredAt,
                    Channel registrationChannel, Persona persona, double value, List<DemoCategory> favourites) {
}
