package io.lodestar.segmentation.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.contracts.behaviour.BehaviourType;
import smile.math.MathEx;

class ChurnModelTest {

    private static final ChurnFeatureSpec SPEC = ChurnFeatureSpec.withBehaviour(30, BehaviourType.PRODUCT_VIEW);
    private static final Instant CUTOFF = Instant.parse("2024-04-01T00:00:00Z");

    @BeforeEach
    void fixSeed() {
        MathEx.setSeed(19_650_218);
    }

    @Test
    void theProbabilityIsTheLogisticOfTheStandardisedLinearScore() {
        double[] zeros = new double[9];
        double[] ones = new double[9];
        Arrays.fill(ones, 1);
        double[] coefficients = zeros.clone();
        coefficients[0] = 2; // recency_days
        coefficients[1] = -1; // frequency
        ChurnModel model = new ChurnModel(SPEC, CUTOFF, 90, zeros, ones, coefficients, -0.5);
        double[] x = zeros.clone();
        x[0] = 1;
        x[1] = 0.5;

        assertThat(model.probability(zeros)).isEqualTo(1 / (1 + Math.exp(0.5)));
        assertThat(model.probability(x)).isCloseTo(1 / (1 + Math.exp(-(2 - 0.5 - 0.5))), within(1e-15));

        double[] means = zeros.clone();
        means[0] = 30;
        double[] scales = ones.clone();
        scales[0] = 10;
        ChurnModel scaled = new ChurnModel(SPEC, CUTOFF, 90, means, scales, coefficients, 0);
        double[] fortyDays = zeros.clone();
        fortyDays[0] = 40; // one standard deviation above the mean
        assertThat(scaled.probability(fortyDays)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
    }

    @Test
    void theTrainedModelScoresLikeTheSmileClassifierItCameFrom() {
        ChurnTrainingSet training = trainingSet();
        LogisticChurnTrainer.Fitted fitted = new LogisticChurnTrainer().fit(training, ChurnTrainingConfig.DEFAULT);
        double[] posteriori = new double[2];

        for (int i = 0; i < training.size(); i++) {
            double[] row = training.features().row(i);
            fitted.smile().predict(fitted.model().standardise(row), posteriori);
            assertThat(fitted.model().probability(row)).isCloseTo(posteriori[1], within(1e-12));
        }
    }

    @Test
    void aModelRebuiltFromItsStoredNumbersGivesTheSameProbabilities() {
        ChurnTrainingSet training = trainingSet();
        ChurnModel trained = new LogisticChurnTrainer().train(training, ChurnTrainingConfig.DEFAULT);

        // stored as text (a JSON document or NUMERIC columns), read back, rebuilt without Smile
        ChurnModel stored = new ChurnModel(trained.features(), Instant.parse(trained.trainingCutoff().toString()),
                trained.horizonDays(), reparse(trained.means()), reparse(trained.scales()), reparse(trained.coefficients()),
                Double.parseDouble(Double.toString(trained.intercept())));

        assertThat(stored).isEqualTo(trained).hasSameHashCodeAs(trained);
        for (int i = 0; i < training.size(); i++) {
            double[] row = training.features().row(i);
            assertThat(stored.probability(row)).isEqualTo(trained.probability(row));
        }
        assertThat(trained.featureNames()).hasSize(9);
        assertThat(trained.coefficientsByFeature()).containsOnlyKeys(SPEC.featureNames());
        assertThat(trained.coefficientsByFeature().get("recency_days")).as("longer recency, more churn").isPositive();
    }

    @Test
    void trainingIsDeterministic() {
        ChurnTrainingSet training = trainingSet();

        assertThat(new LogisticChurnTrainer().train(training, ChurnTrainingConfig.DEFAULT))
                .isEqualTo(new LogisticChurnTrainer().train(training, ChurnTrainingConfig.DEFAULT));
    }

    @Test
    void aConstantFeatureGetsScaleOneAndNoWeight() {
        int addToCart = ChurnFeatureSpec.withBehaviour(30, BehaviourType.ADD_TO_CART).featureNames()
                .indexOf("behaviour_add_to_cart_30d");
        ChurnTrainingSet noCarts = new ChurnFeatureBuilder().trainingSet(SyntheticChurnPopulation.generate(3, 300).history(),
                SyntheticChurnPopulation.T1, ChurnFeatureSpec.withBehaviour(30, BehaviourType.ADD_TO_CART), 90);

        ChurnModel model = new LogisticChurnTrainer().train(noCarts, ChurnTrainingConfig.DEFAULT);

        assertThat(model.scales()[addToCart]).isEqualTo(1);
        assertThat(model.means()[addToCart]).isZero();
        assertThat(model.coefficients()[addToCart]).isZero();
    }

    @Test
    void accessorsHandOutCopies() {
        ChurnModel model = new LogisticChurnTrainer().train(trainingSet(), ChurnTrainingConfig.DEFAULT);
        double before = model.coefficients()[0];
        model.coefficients()[0] = 99;
        model.means()[0] = 99;

        assertThat(model.coefficients()[0]).isEqualTo(before);
    }

    @Test
    void invalidNumbersAreRejected() {
        double[] ok = new double[9];
        double[] ones = new double[9];
        Arrays.fill(ones, 1);
        double[] nan = ok.clone();
        nan[3] = Double.NaN;
        double[] zeroScale = ones.clone();
        zeroScale[2] = 0;

        assertThatThrownBy(() -> new ChurnModel(SPEC, CUTOFF, 90, new double[8], ones, ok, 0))
                .hasMessageContaining("means has 8 values for 9 features");
        assertThatThrownBy(() -> new ChurnModel(SPEC, CUTOFF, 90, ok, ones, nan, 0))
                .hasMessageContaining("coefficients[3] must be finite");
        assertThatThrownBy(() -> new ChurnModel(SPEC, CUTOFF, 90, ok, zeroScale, ok, 0))
                .hasMessageContaining("scales[2] (monetary) was 0.0");
        assertThatThrownBy(() -> new ChurnModel(SPEC, CUTOFF, 90, ok, ones, ok, Double.POSITIVE_INFINITY))
                .hasMessageContaining("intercept");
        assertThatThrownBy(() -> new ChurnModel(SPEC, CUTOFF, 0, ok, ones, ok, 0)).hasMessageContaining("horizonDays");
        assertThatThrownBy(() -> new ChurnModel(SPEC, CUTOFF, 90, ok, ones, ok, 0).probability(new double[8]))
                .hasMessageContaining("8 features for a model of 9");
    }

    private static ChurnTrainingSet trainingSet() {
        return new ChurnFeatureBuilder().trainingSet(SyntheticChurnPopulation.generate(5, 300).history(),
                SyntheticChurnPopulation.T1, SPEC, 90);
    }

    private static double[] reparse(double[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = Double.parseDouble(Double.toString(values[i]));
        }
        return copy;
    }
}
