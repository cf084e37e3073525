package io.lodestar.customerprofile.order;

import static io.lodestar.customerprofile.order.OrderApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Channel;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/** The service methods without an endpoint, for the merge and erasure features: reassignCustomer and anonymise. */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class OrderServiceTest {

    @Inject
    OrderService service;

    @Test
    @RunOnVertxContext
    void reassignCustomerMovesEveryOrderOfTheMergedCustomerToTheSurvivor(UniAsserter asserter) {
        String merged = newId("customer");
        String survivor = newId("customer");
        String bystander = newId("customer");
        List<String> mergedOrders = List.of(newId("order"), newId("order"));
        String survivorOrder = newId("order");
        String bystanderOrder = newId("order");
        mergedOrders.forEach(orderId -> asserter.execute(() -> service.place(request(orderId, merged))));
        asserter.execute(() -> service.place(request(survivorOrder, survivor)));
        asserter.execute(() -> service.place(request(bystanderOrder, bystander)));

        asserter.assertEquals(() -> service.reassignCustomer(merged, survivor), 2);

        asserter.assertThat(() -> service.listForCustomer(survivor, 50, null), page -> assertThat(page.items())
                .extracting(OrderView::orderId)
                .containsExactlyInAnyOrder(mergedOrders.get(0), mergedOrders.get(1), survivorOrder));
        asserter.assertThat(() -> service.listForCustomer(merged, 50, null),
                page -> assertThat(page.items()).isEmpty());
        asserter.assertThat(() -> service.find(bystanderOrder),
                order -> assertThat(order.customerId()).isEqualTo(bystander));
        asserter.assertEquals(() -> service.reassignCustomer(merged, survivor), 0);
    }

    @Test
    @RunOnVertxContext
    void reassignCustomerJoinsTheCallersTransactionAndRollsBackWithIt(UniAsserter asserter) {
        String merged = newId("customer");
        String survivor = newId("customer");
        String orderId = newId("order");
        asserter.execute(() -> service.place(request(orderId, merged)));

        asserter.assertFailedWith(() -> Panache.withTransaction(() -> service.reassignCustomer(merged, survivor)
                .chain(moved -> Uni.createFrom().failure(new IllegalStateException("merge failed after " + moved)))),
                IllegalStateException.class);

        asserter.assertThat(() -> service.find(orderId), order -> assertThat(order.customerId()).isEqualTo(merged));
    }

    @Test
    @RunOnVertxContext
    void anonymiseReplacesTheCustomerAndKeepsTheMoney(UniAsserter asserter) {
        String customerId = newId("customer");
        String anonymousId = newId("anonymous");
        String orderId = newId("order");
        asserter.execute(() -> service.place(request(orderId, customerId)));
        asserter.execute(() -> service.pay(orderId, new RecordPaymentRequest(null, Instant.now())));

        asserter.assertEquals(() -> service.anonymise(customerId, anonymousId), 1);

        asserter.assertThat(() -> service.find(orderId), order -> {
            assertThat(order.customerId()).isEqualTo(anonymousId);
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.totalAmount()).isEqualByComparingTo("99.80");
            assertThat(order.paidAmount()).isEqualByComparingTo("99.80");
            assertThat(order.lines()).hasSize(1);
        });
        asserter.assertThat(() -> service.listForCustomer(customerId, 50, null),
                page -> assertThat(page.items()).isEmpty());
    }

    private static PlaceOrderRequest request(String orderId, String customerId) {
        return new PlaceOrderRequest(orderId, customerId,
                List.of(new PlaceOrderRequest.Line("sku-9", "home", "Lamp", 2, new BigDecimal("49.90"), null)),
                "CNY", null, null, Channel.APP, null, Instant.now().minus(1, ChronoUnit.HOURS));
    }
}
