package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MedianAgeImputerTest {

    @Test
    void oddCountTakesTheMiddleAge() {
        MedianAgeImputer imputer = imputerOf(40, 20, 30);

        assertThat(imputer.median()).contains(new BigDecimal("30"));
        assertThat(imputer.imputedAge()).contains(30);
    }

    @Test
    void evenCountTakesTheMeanOfTheTwoMiddleAgesRoundedHalfUp() {
        assertThat(imputerOf(50, 20, 40, 30).median()).contains(new BigDecimal("35"));
        MedianAgeImputer imputer = imputerOf(31, 30);
        assertThat(imputer.median()).contains(new BigDecimal("30.5"));
        assertThat(imputer.imputedAge()).contains(31);
    }

    @Test
    void repeatedAgesAndExtremesDoNotMoveTheMedian() {
        assertThat(imputerOf(25, 25, 25, 150, 0).median()).contains(new BigDecimal("25"));
    }

    @Test
    void imputesOnlyRowsWithNeitherAgeNorBirthDate() {
        MedianAgeImputer imputer = imputerOf(20, 40);

        CustomerRecord missing = imputer.impute(customer(null, null));
        CustomerRecord known = imputer.impute(customer(55, null));
        CustomerRecord born = imputer.impute(customer(null, LocalDate.of(2000, 1, 1)));

        assertThat(missing.age()).isEqualTo(30);
        assertThat(missing.ageImputed()).isTrue();
        assertThat(known).isEqualTo(customer(55, null));
        assertThat(born.ageImputed()).isFalse();
        assertThat(imputer.imputed()).isEqualTo(1);
    }

    @Test
    void withoutAnyKnownAgeNothingIsImputed() {
        MedianAgeImputer imputer = imputerOf();

        assertThat(imputer.median()).isEmpty();
        assertThat(imputer.impute(customer(null, null)).age()).isNull();
        assertThat(imputer.imputed()).isZero();
    }

    static MedianAgeImputer imputerOf(int... ages) {
        MedianAgeImputer imputer = new MedianAgeImputer();
        for (int age : ages) {
            imputer.observe(customer(age, null));
        }
        imputer.observe(customer(null, null));
        return imputer;
    }

    static CustomerRecord customer(Integer age, LocalDate birthDate) {
        return new CustomerRecord(2, "c", null, birthDate, age, false, null, null, null, null, null, null, null,
                null, null);
    }
}
