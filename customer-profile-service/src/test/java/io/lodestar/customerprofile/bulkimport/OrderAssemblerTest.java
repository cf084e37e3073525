package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lodestar.customerprofile.order.PlaceOrderRequest;
import io.lodestar.customerprofile.order.RecordRefundRequest;

class OrderAssemblerTest {

    private static final Instant T0 = Instant.parse("2011-01-10T10:00:00Z");
    private static final Currency GBP = Currency.getInstance("GBP");

    private final OrderAssembler assembler = new OrderAssembler();
    private final List<OrderWrite> out = new ArrayList<>();
    private long line = 1;

    @Test
    void consecutiveLinesOfAnOrderBecomeOnePaidOrderAtTheInvoiceTime() {
        add("536365", "sku1", 6, "2.55", T0, "17850");
        add("536365", "sku2", 2, "3.39", T0, "17850");
        add("536366", "sku1", 1, "1.85", T0.plusSeconds(60), "13047");
        assembler.finish(out::add);

        assertThat(out).hasSize(2);
        PlaceOrderRequest first = ((OrderWrite.PaidOrder) out.get(0)).order();
        assertThat(first.orderId()).isEqualTo("536365");
        assertThat(first.customerId()).isEqualTo("17850");
        assertThat(first.placedAt()).isEqualTo(T0);
        assertThat(first.currency()).isEqualTo("GBP");
        assertThat(first.lines()).extracting(PlaceOrderRequest.Line::itemId, PlaceOrderRequest.Line::quantity,
                PlaceOrderRequest.Line::category).containsExactly(tuple("sku1", 6, OrderAssembler.UNCATEGORISED),
                        tuple("sku2", 2, OrderAssembler.UNCATEGORISED));
        assertThat(out.get(0).lines()).containsExactly(1L, 2L);
        assertThat(((OrderWrite.PaidOrder) out.get(1)).order().customerId()).isEqualTo("13047");
    }

    @Test
    void linesWithoutACustomerBecomeAGuestOrderOfTheirOwn() {
        add("536544", "sku1", 1, "2.51", T0, null);
        assembler.finish(out::add);

        assertThat(((OrderWrite.PaidOrder) out.get(0)).order().customerId()).isEqualTo("guest-536544");
    }

    @Test
    void aLineOfAnotherCustomerInsideAnOrderIsNotWritableButTheOrderIs() {
        add("536365", "sku1", 6, "2.55", T0, "17850");
        add("536365", "sku2", 2, "3.39", T0, "99999");
        assembler.finish(out::add);

        assertThat(out).hasSize(2);
        OrderWrite.NotWritable no = (OrderWrite.NotWritable) out.get(0);
        assertThat(no.field()).isEqualTo("customerId");
        assertThat(no.lines()).containsExactly(2L);
        assertThat(((OrderWrite.PaidOrder) out.get(1)).order().lines()).hasSize(1);
    }

    @Test
    void aCancellationRefundsTheNewestEarlierSalesOfTheItemAtTheCancelledPrice() {
        add("o1", "sku1", 4, "2.00", T0, "c1");
        add("o2", "sku1", 3, "2.00", T0.plusSeconds(3600), "c1");
        add("o2", "sku2", 1, "5.00", T0.plusSeconds(3600), "c1");
        add("C9", "sku1", -5, "1.50", T0.plusSeconds(7200), "c1");
        assembler.finish(out::add);

        List<OrderWrite.OrderRefund> refunds = refunds();
        // 3 units from the newer o2, the other 2 from o1
        assertThat(refunds).extracting(OrderWrite.OrderRefund::orderId).containsExactly("o2", "o1");
        RecordRefundRequest toO2 = refunds.get(0).refund();
        assertThat(toO2.refundId()).isEqualTo("C9");
        assertThat(toO2.amount()).isEqualByComparingTo("4.50");
        assertThat(toO2.lines()).containsExactly(new RecordRefundRequest.Line("sku1", 3));
        assertThat(toO2.refundedAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(refunds.get(1).refund().amount()).isEqualByComparingTo("3.00");
        assertThat(refunds.get(1).refund().lines()).containsExactly(new RecordRefundRequest.Line("sku1", 2));
        assertThat(refunds.get(0).lines()).containsExactly(4L);
    }

    @Test
    void cancelledUnitsBeyondTheImportedSalesAreReportedAsNotWritten() {
        add("o1", "sku1", 2, "2.00", T0, "c1");
        add("C9", "sku1", -5, "2.00", T0.plusSeconds(60), "c1");
        add("C10", "sku7", -1, "2.00", T0.plusSeconds(60), "c1");
        assembler.finish(out::add);

        assertThat(refunds()).singleElement().satisfies(r -> assertThat(r.refund().amount()).isEqualByComparingTo("4.00"));
        assertThat(notWritable()).extracting(OrderWrite.NotWritable::field, w -> w.lines().get(0))
                .containsExactly(tuple("quantity", 2L), tuple("quantity", 3L));
        assertThat(notWritable().get(0).reason()).startsWith("3 of 5 cancelled unit(s) match no earlier sale");
    }

    @Test
    void aCancellationWithoutCustomerOrBeforeTheSaleMatchesNothing() {
        add("C1", "sku1", -1, "2.00", T0, null);
        add("o1", "sku1", 2, "2.00", T0.plusSeconds(60), "c1");
        add("C2", "sku1", -1, "2.00", T0, "c1");
        assembler.finish(out::add);

        assertThat(refunds()).isEmpty();
        assertThat(notWritable()).extracting(OrderWrite.NotWritable::field).containsExactly("customerId", "quantity");
    }

    @Test
    void refundsNeverExceedWhatIsLeftOfTheOrder() {
        add("o1", "sku1", 1, "2.00", T0, "c1");
        // the cancellation's price is higher than the sale's: refund capped at the order's 2.00
        add("C1", "sku1", -1, "9.00", T0.plusSeconds(60), "c1");
        assembler.finish(out::add);

        assertThat(refunds()).singleElement().satisfies(r -> assertThat(r.refund().amount()).isEqualByComparingTo("2.00"));
    }

    @Test
    void twoCancellationLinesOfOneOrderMakeOneRefund() {
        add("o1", "sku1", 2, "2.00", T0, "c1");
        add("o1", "sku2", 2, "3.00", T0, "c1");
        add("C1", "sku1", -1, "2.00", T0.plusSeconds(60), "c1");
        add("C1", "sku2", -2, "3.00", T0.plusSeconds(60), "c1");
        assembler.finish(out::add);

        assertThat(refunds()).singleElement().satisfies(r -> {
            assertThat(r.refund().amount()).isEqualByComparingTo("8.00");
            assertThat(r.refund().lines()).hasSize(2);
            assertThat(r.lines()).containsExactly(3L, 4L);
        });
    }

    private List<OrderWrite.OrderRefund> refunds() {
        return out.stream().filter(OrderWrite.OrderRefund.class::isInstance).map(OrderWrite.OrderRefund.class::cast)
                .toList();
    }

    private List<OrderWrite.NotWritable> notWritable() {
        return out.stream().filter(OrderWrite.NotWritable.class::isInstance).map(OrderWrite.NotWritable.class::cast)
                .toList();
    }

    private void add(String orderId, String itemId, int quantity, String price, Instant at, String customerId) {
        assembler.add(new OrderLineRecord(line++, orderId, itemId, "title of " + itemId, quantity,
                new BigDecimal(price), at, customerId, "United Kingdom", null, GBP, null, orderId.startsWith("C"),
                Set.of()), out::add);
    }
}
