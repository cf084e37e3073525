package io.lodestar.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentDesignTest {

    private static ExperimentDesign design(int control, int holdout, VariantWeight... variants) {
        return new ExperimentDesign(List.of(variants), control, holdout, "lodestar-2026");
    }

    @Test
    void aSoundDesignHasNoViolations() {
        assertThat(design(20, 10, new VariantWeight("A", 50), new VariantWeight("B", 50)).validate()).isEmpty();
        assertThat(design(0, 0, new VariantWeight("only", 100)).validate()).isEmpty();
        assertThat(design(50, 20, new VariantWeight("A", 1), new VariantWeight("B", 99)).validate()).isEmpty();
    }

    @Test
    void weightsMustSumToOneHundred() {
        assertThat(design(10, 0, new VariantWeight("A", 50), new VariantWeight("B", 40)).validate())
                .containsExactly(new Violation("variants", "weights must sum to 100 but sum to 90"));
    }

    @Test
    void variantsMustNotBeMissingOrEmpty() {
        Violation expected = new Violation("variants", "must contain at least one variant");
        assertThat(new ExperimentDesign(null, 10, 0, "salt").validate()).containsExactly(expected);
        assertThat(new ExperimentDesign(List.of(), 10, 0, "salt").validate()).containsExactly(expected);
    }

    @Test
    void duplicateNamesAreCaughtIgnoringCase() {
        assertThat(design(10, 0, new VariantWeight("B", 50), new VariantWeight("b", 50)).validate())
                .containsExactly(new Violation("variants[1].name", "duplicate variant name 'b'"));
    }

    @Test
    void reservedNamesAreRefusedInAnyCase() {
        assertThat(design(10, 0, new VariantWeight("Control", 50), new VariantWeight("holdout", 50)).validate())
                .containsExactly(
                        new Violation("variants[0].name", "'Control' is reserved"),
                        new Violation("variants[1].name", "'holdout' is reserved"));
    }

    @Test
    void blankAndNullEntriesAreReportedByIndex() {
        List<VariantWeight> variants = new ArrayList<>(Arrays.asList(new VariantWeight(" ", 50), null,
                new VariantWeight(null, 50)));
        assertThat(new ExperimentDesign(variants, 10, 0, "salt").validate()).containsExactly(
                new Violation("variants[0].name", "must not be blank"),
                new Violation("variants[1]", "must not be null"),
                new Violation("variants[2].name", "must not be blank"));
    }

    @Test
    void variantPercentagesMustBeBetweenOneAndOneHundred() {
        assertThat(design(10, 0, new VariantWeight("A", 0), new VariantWeight("B", 100)).validate())
                .containsExactly(new Violation("variants[0].percent", "must be between 1 and 100 but was 0"));
        assertThat(design(10, 0, new VariantWeight("A", 101), new VariantWeight("B", -1)).validate())
                .containsExactly(
                        new Violation("variants[0].percent", "must be between 1 and 100 but was 101"),
                        new Violation("variants[1].percent", "must be between 1 and 100 but was -1"));
    }

    @Test
    void controlAndHoldoutPercentagesHaveTheirOwnRanges() {
        VariantWeight all = new VariantWeight("A", 100);
        assertThat(design(51, 21, all).validate()).containsExactly(
                new Violation("controlPercent", "must be between 0 and 50 but was 51"),
                new Violation("globalHoldoutPercent", "must be between 0 and 20 but was 21"));
        assertThat(design(-1, -1, all).validate()).containsExactly(
                new Violation("controlPercent", "must be between 0 and 50 but was -1"),
                new Violation("globalHoldoutPercent", "must be between 0 and 20 but was -1"));
    }

    @Test
    void theHoldoutSaltIsRequired() {
        List<VariantWeight> all = List.of(new VariantWeight("A", 100));
        Violation expected = new Violation("holdoutSalt", "must not be blank");
        assertThat(new ExperimentDesign(all, 10, 0, null).validate()).containsExactly(expected);
        assertThat(new ExperimentDesign(all, 10, 5, "  ").validate()).containsExactly(expected);
    }

    @Test
    void theVariantListIsCopiedSoLaterEditsDoNotChangeTheDesign() {
        List<VariantWeight> variants = new ArrayList<>(List.of(new VariantWeight("A", 100)));
        ExperimentDesign design = new ExperimentDesign(variants, 10, 0, "salt");
        variants.add(new VariantWeight("B", 10));
        assertThat(design.variants()).containsExactly(new VariantWeight("A", 100));
        assertThat(design.validate()).isEmpty();
    }
}
