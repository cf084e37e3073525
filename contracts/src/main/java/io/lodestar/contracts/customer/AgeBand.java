package io.lodestar.contracts.customer;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The age bands marketers target by, derived from the birth date (never stored: an age changes every year).
 * Bounds are whole years, lower inclusive, upper exclusive. A contract: profiles show it, segment rules target it.
 */
public enum AgeBand {
    UNDER_18("under-18", 0, 18),
    AGE_18_24("18-24", 18, 25),
    AGE_25_34("25-34", 25, 35),
    AGE_35_44("35-44", 35, 45),
    AGE_45_54("45-54", 45, 55),
    AGE_55_PLUS("55-plus", 55, 200);

    private final String label;
    private final int fromAge;
    private final int toAge;

    AgeBand(String label, int fromAge, int toAge) {
        this.label = label;
        this.fromAge = fromAge;
        this.toAge = toAge;
    }

    public String label() {
        return label;
    }

    /** Whole years between the birth date and {@code today}. */
    public static int age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    public static AgeBand of(int age) {
        for (AgeBand band : values()) {
            if (age >= band.fromAge && age < band.toAge) {
                return band;
            }
        }
        throw new IllegalArgumentException("age " + age + " is out of range");
    }

    public static Optional<AgeBand> parse(String label) {
        return Arrays.stream(values()).filter(b -> b.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(AgeBand::label).toList();
    }

    /** The earliest birth date (inclusive) of someone in this band on {@code today}. */
    public LocalDate bornOnOrAfter(LocalDate today) {
        return today.minusYears(toAge).plusDays(1);
    }

    /** The latest birth date (inclusive) of someone in this band on {@code today}. */
    public LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(fromAge);
    }
}
