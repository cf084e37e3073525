package io.lodestar.demo;

import java.math.BigDecimal;

/** One catalogue item of the demo shop. {@code popularity} is its relative chance of being picked in its category. */
record DemoItem(String itemId, String title, DemoCategory category, String brand, BigDecimal price,
                BigDecimal cost, int stock, double popularity) {
}
