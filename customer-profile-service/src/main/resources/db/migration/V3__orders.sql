-- Orders (issue 3): an order, its lines, its refunds and their lines. Money is numeric(14,2) in the order's
-- currency; every CHECK mirrors a Bean Validation annotation of the request records (or a rule of OrderService),
-- so a row the API would refuse cannot be written by any other path either.
CREATE TABLE orders (
    order_id             text           PRIMARY KEY CHECK (char_length(order_id) BETWEEN 1 AND 100),
    customer_id          text           NOT NULL CHECK (char_length(customer_id) BETWEEN 1 AND 100),
    status               text           NOT NULL
        CHECK (status IN ('placed', 'paid', 'partially_refunded', 'refunded', 'cancelled')),
    currency             text           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Σ quantity × unit_price
    subtotal_amount      numeric(14, 2) NOT NULL CHECK (subtotal_amount >= 0),
    -- Σ line discounts
    line_discount_amount numeric(14, 2) NOT NULL CHECK (line_discount_amount >= 0),
    -- the order-level discount (coupon, promotion)
    discount_amount      numeric(14, 2) NOT NULL CHECK (discount_amount >= 0),
    total_amount         numeric(14, 2) NOT NULL CHECK (total_amount >= 0),
    paid_amount          numeric(14, 2) CHECK (paid_amount = total_amount),
    refunded_amount      numeric(14, 2) NOT NULL CHECK (refunded_amount >= 0),
    coupon_code          text           CHECK (char_length(coupon_code) <= 100),
    channel              text
        CHECK (channel IN ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    campaign_id          text           CHECK (char_length(campaign_id) <= 100),
    placed_at            timestamptz    NOT NULL,
    paid_at              timestamptz,
    cancelled_at         timestamptz,
    cancellation_reason  text           CHECK (char_length(cancellation_reason) <= 500),
    CHECK (total_amount = subtotal_amount - line_discount_amount - discount_amount),
    CHECK (refunded_amount <= coalesce(paid_amount, 0)),
    -- paid, partially_refunded and refunded orders carry their payment; placed and cancelled ones do not
    CHECK ((status IN ('placed', 'cancelled')) = (paid_at IS NULL)),
    CHECK ((paid_at IS NULL) = (paid_amount IS NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    -- the refund status follows the refunded amount (OrderStatus.afterRefund)
    CHECK (status <> 'paid' OR refunded_amount = 0),
    CHECK (status <> 'partially_refunded' OR (refunded_amount > 0 AND refunded_amount < paid_amount)),
    CHECK (status <> 'refunded' OR (refunded_amount > 0 AND refunded_amount = paid_amount))
);

-- A customer's orders newest first (GET /customers/{id}/orders keyset pages), and merge / erasure by customer.
CREATE INDEX orders_customer_placed ON orders (customer_id, placed_at DESC, order_id DESC);

CREATE TABLE order_item (
    order_id   text           NOT NULL REFERENCES orders (order_id),
    line_no    integer        NOT NULL CHECK (line_no BETWEEN 0 AND 499),
    item_id    text           NOT NULL CHECK (char_length(item_id) BETWEEN 1 AND 100),
    category   text           NOT NULL CHECK (char_length(category) BETWEEN 1 AND 100),
    title      text           CHECK (char_length(title) <= 200),
    quantity   integer        NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
    unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
    -- on the whole line, never more than the line is worth
    discount   numeric(14, 2) NOT NULL CHECK (discount >= 0 AND discount <= quantity * unit_price),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_refund (
    order_id    text           NOT NULL REFERENCES orders (order_id),
    -- the caller's idempotency key, unique per order
    refund_id   text           NOT NULL CHECK (char_length(refund_id) BETWEEN 1 AND 100),
    amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
    reason      text           CHECK (char_length(reason) <= 500),
    refunded_at timestamptz    NOT NULL,
    recorded_at timestamptz    NOT NULL,
    PRIMARY KEY (order_id, refund_id)
);

CREATE TABLE order_refund_item (
    order_id  text    NOT NULL,
    refund_id text    NOT NULL,
    line_no   integer NOT NULL CHECK (line_no BETWEEN 0 AND 499),
    item_id   text    NOT NULL CHECK (char_length(item_id) BETWEEN 1 AND 100),
    quantity  integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
    PRIMARY KEY (order_id, refund_id, line_no),
    FOREIGN KEY (order_id, refund_id) REFERENCES order_refund (order_id, refund_id)
);
