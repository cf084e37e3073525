package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.segmentation.rfm.RfmGroup;

/** Builds {@link CustomerFacts} for unit tests: a customer with nothing, plus what each test sets. */
final class Facts {

    static final Instant AS_OF = Instant.parse("2025-06-15T12:00:00Z");

    private Instant firstPaidAt;
    private Instant lastPaidAt;
    private int paidOrders;
    private BigDecimal netSpend = BigDecimal.ZERO;
    private BigDecimal avgOrderValue;
    private BigDecimal discountShare = BigDecimal.ZERO;
    private BigDecimal cartAbandonmentRate = BigDecimal.ZERO;
    private int productViews;
    private int favorites;
    private int cartAdds;
    private int checkouts;
    private Channel preferredChannel;
    private String topCategory;
    private CustomerFacts.Attributes attributes = CustomerFacts.Attributes.NONE;
    private final Map<String, RfmGroup> rfm = new HashMap<>();
    private CustomerFacts.Assignment assignment = CustomerFacts.Assignment.NONE;
    private final List<CustomerFacts.PaidOrder> orders = new ArrayList<>();
    private final List<CustomerFacts.Refund> refunds = new ArrayList<>();
    private final List<CustomerFacts.Event> events = new ArrayList<>();

    static Facts customer() {
        return new Facts();
    }

    Facts paidOrders(int count) {
        this.paidOrders = count;
        return this;
    }

    Facts netSpend(String amount) {
        this.netSpend = new BigDecimal(amount);
        return this;
    }

    Facts avgOrderValue(String amount) {
        this.avgOrderValue = amount == null ? null : new BigDecimal(amount);
        return this;
    }

    Facts discountShare(String share) {
        this.discountShare = new BigDecimal(share);
        return this;
    }

    Facts productViews(int count) {
        this.productViews = count;
        return this;
    }

    Facts lastPaidAt(Instant at) {
        this.lastPaidAt = at;
        return this;
    }

    Facts firstPaidAt(Instant at) {
        this.firstPaidAt = at;
        return this;
    }

    Facts preferredChannel(Channel channel) {
        this.preferredChannel = channel;
        return this;
    }

    Facts topCategory(String category) {
        this.topCategory = category;
        return this;
    }

    Facts attributes(Gender gender, LocalDate birthDate, CityTier cityTier, String region, MemberTier memberTier,
            Channel registrationChannel) {
        this.attributes = new CustomerFacts.Attributes(gender, birthDate, cityTier, region, memberTier,
                registrationChannel);
        return this;
    }

    Facts gender(Gender gender) {
        return attributes(gender, attributes.birthDate(), attributes.cityTier(), attributes.region(),
                attributes.memberTier(), attributes.registrationChannel());
    }

    Facts birthDate(LocalDate birthDate) {
        return attributes(attributes.gender(), birthDate, attributes.cityTier(), attributes.region(),
                attributes.memberTier(), attributes.registrationChannel());
    }

    Facts rfm(String modelId, RfmGroup group) {
        rfm.put(modelId, group);
        return this;
    }

    Facts assignment(Integer clusterId, LifecycleStage stage, ChurnRisk risk, Double probability) {
        this.assignment = new CustomerFacts.Assignment(clusterId, clusterId == null ? null : "c" + clusterId, stage,
                risk, probability);
        return this;
    }

    Facts order(Instant paidAt, String amount) {
        orders.add(new CustomerFacts.PaidOrder("o" + orders.size(), paidAt, new BigDecimal(amount)));
        return this;
    }

    Facts refund(Instant at, String amount) {
        refunds.add(new CustomerFacts.Refund("o0", at, new BigDecimal(amount)));
        return this;
    }

    Facts event(BehaviourType behaviour, String category, Instant at) {
        events.add(new CustomerFacts.Event(behaviour, category, at));
        return this;
    }

    CustomerFacts build() {
        return new CustomerFacts("c1", new CustomerFacts.Features(firstPaidAt, lastPaidAt, paidOrders, netSpend,
                avgOrderValue, discountShare, cartAbandonmentRate, productViews, favorites, cartAdds, checkouts,
                preferredChannel, topCategory), attributes, rfm, assignment, orders, refunds, events);
    }
}
