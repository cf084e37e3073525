package io.lodestar.demo;

import java.util.List;

/** Everything the demo shop generates for one customer: the profile, paid orders and behaviour, oldest first. */
record CustomerHistory(DemoCustomer customer, List<DemoOrder> orders, List<DemoEvent> events) {
}
