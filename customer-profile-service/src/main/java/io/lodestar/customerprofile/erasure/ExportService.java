package io.lodestar.customerprofile.erasure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lodestar.customerprofile.consent.ConsentService;
import io.lodestar.customerprofile.customer.CustomerService;
import io.lodestar.customerprofile.erasure.CustomerExport.ExportedEvent;
import io.lodestar.customerprofile.feedback.CustomerFeedbackRepository;
import io.lodestar.customerprofile.feedback.FeedbackView;
import io.lodestar.customerprofile.identity.IdentityService;
import io.lodestar.customerprofile.order.OrderService;
import io.lodestar.customerprofile.order.OrderView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Gathers everything held about a customer, for the data-portability export. */
@ApplicationScoped
public class ExportService {

    static final int MAX_EVENTS = 10_000;
    private static final int ORDER_PAGE = 200;

    private final CustomerService customers;
    private final IdentityService identities;
    private final ConsentService consents;
    private final OrderService orders;
    private final CustomerFeedbackRepository feedback;
    private final Pool pool;

    public ExportService(CustomerService customers, IdentityService identities, ConsentService consents,
            OrderService orders, CustomerFeedbackRepository feedback, Pool pool) {
        this.customers = customers;
        this.identities = identities;
        this.consents = consents;
        this.orders = orders;
        this.feedback = feedback;
        this.pool = pool;
    }

    @WithSession
    public Uni<CustomerExport> export(String customerId) {
        return customers.find(customerId).chain(profile -> identities.listOf(customerId)
                .chain(ids -> consents.listOf(customerId)
                        .chain(consentList -> allOrders(customerId, null, new ArrayList<>())
                                .chain(orderList -> feedback.findByCustomer(customerId)
                                        .chain(feedbackList -> events(customerId)
                                                .map(eventList -> new CustomerExport(Instant.now(), profile, ids,
                                                        consentList, orderList,
                                                        feedbackList.stream().map(FeedbackView::of).toList(),
                                                        eventList)))))));
    }

    private Uni<List<OrderView>> allOrders(String customerId, String cursor, List<OrderView> collected) {
        return orders.listForCustomer(customerId, ORDER_PAGE, cursor).chain(page -> {
            collected.addAll(page.items());
            return page.nextCursor() == null ? Uni.createFrom().item(collected)
                    : allOrders(customerId, page.nextCursor(), collected);
        });
    }

    private Uni<List<ExportedEvent>> events(String customerId) {
        return pool.preparedQuery("""
                SELECT event_id, behaviour, channel, item_id, category, campaign_id, recommendation_id, occurred_at
                FROM behaviour_event WHERE customer_id = $1 ORDER BY occurred_at DESC LIMIT $2""")
                .execute(Tuple.of(customerId, MAX_EVENTS)).map(rows -> {
                    List<ExportedEvent> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new ExportedEvent(r.getUUID(0).toString(), r.getString(1), r.getString(2),
                                r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                                r.getOffsetDateTime(7).toInstant()));
                    }
                    return list;
                });
    }
}
