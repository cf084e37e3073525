package io.lodestar.recommendation.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlsParametersTest {

    private final AlsParameters defaults = AlsParameters.defaults();

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(defaults).isEqualTo(new AlsParameters(64, 15, 0.1, 40.0, 3, 42L, 1, false));
    }

    @Test
    void rejectsEachOutOfRangeFieldByName() {
        assertThatThrownBy(() -> defaults.withRank(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rank");
        assertThatThrownBy(() -> defaults.withIterations(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("iterations");
        assertThatThrownBy(() -> defaults.withRegularization(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("regularization");
        assertThatThrownBy(() -> defaults.withRegularization(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("regularization");
        assertThatThrownBy(() -> defaults.withAlpha(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alpha");
        assertThatThrownBy(() -> defaults.withAlpha(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("alpha");
        assertThatThrownBy(() -> defaults.withCgSteps(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cgSteps");
        assertThatThrownBy(() -> defaults.withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("threads");
    }

    @Test
    void acceptsTheSmallestValidValues() {
        AlsParameters smallest = defaults.withRank(1).withIterations(1).withRegularization(1e-9).withAlpha(1e-9)
                .withCgSteps(0).withThreads(1).withSeed(-7).withComputeLoss(true);

        assertThat(smallest.rank()).isEqualTo(1);
        assertThat(smallest.cgSteps()).isZero();
        assertThat(smallest.seed()).isEqualTo(-7);
        assertThat(smallest.computeLoss()).isTrue();
    }
}
