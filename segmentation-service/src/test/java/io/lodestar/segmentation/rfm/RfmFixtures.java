package io.lodestar.segmentation.rfm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Customers and models shared by the RFM tests. */
final class RfmFixtures {

    /** shared/DESIGN.md: the Online Retail data are scored as of this instant. */
    static final Instant AS_OF = Instant.parse("2011-12-10T00:00:00Z");

    static final RfmScorer SCORER = new RfmScorer();

    private RfmFixtures() {
    }

    /** A customer whose last paid order was exactly {@code daysAgo} whole days before {@link #AS_OF}. */
    static RfmInput customer(String id, long daysAgo, int paidOrders, String netSpend) {
        return new RfmInput(id, AS_OF.minus(Duration.ofDays(daysAgo)), paidOrders, new BigDecimal(netSpend));
    }

    static RfmInput neverPaid(String id) {
        return new RfmInput(id, null, 0, BigDecimal.ZERO);
    }

    static RfmResult thresholds(List<RfmInput> inputs) {
        return SCORER.score(inputs, RfmModel.overWholeHistory(ThresholdScheme.defaults(), AS_OF));
    }

    static RfmResult thresholds(HighLowCuts cuts, List<RfmInput> inputs) {
        return SCORER.score(inputs, RfmModel.overWholeHistory(ThresholdScheme.withCuts(cuts), AS_OF));
    }

    static RfmResult quintiles(List<RfmInput> inputs) {
        return SCORER.score(inputs, RfmModel.overWholeHistory(new QuintileScheme(), AS_OF));
    }

    static ScoredCustomer only(RfmResult result) {
        if (result.scored().size() != 1) {
            throw new AssertionError("expected one scored customer, got " + result.scored());
        }
        return result.scored().get(0);
    }

    static ScoredCustomer byId(RfmResult result, String id) {
        return result.scored().stream().filter(s -> s.customerId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not scored"));
    }
}
