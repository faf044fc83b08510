-- Facts of every workspace. Times are TIMESTAMPTZ (UTC instants), dates are local to the
-- workspace time zone, money is DECIMAL(18,2) with its currency beside it.
CREATE TABLE IF NOT EXISTS events (
    workspace_id BIGINT NOT NULL,
    message_id   VARCHAR NOT NULL,
    type         VARCHAR NOT NULL,
    event        VARCHAR,
    user_id      VARCHAR,
    anonymous_id VARCHAR,
    ts           TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    session_id   VARCHAR,
    channel      VARCHAR,
    utm_source   VARCHAR,
    utm_medium   VARCHAR,
    utm_campaign VARCHAR,
    utm_term     VARCHAR,
    utm_content  VARCHAR,
    referrer     VARCHAR,
    url          VARCHAR,
    path         VARCHAR,
    device       VARCHAR,
    os           VARCHAR,
    browser      VARCHAR,
    region       VARCHAR,
    city         VARCHAR,
    platform     VARCHAR,
    revenue      DECIMAL(18, 2),
    currency     VARCHAR,
    order_id     VARCHAR,
    properties   JSON,
    traits       JSON,
    context      JSON
);

CREATE TABLE IF NOT EXISTS orders (
    workspace_id BIGINT NOT NULL,
    order_id     VARCHAR NOT NULL,
    customer_id  VARCHAR,
    order_time   TIMESTAMPTZ NOT NULL,
    amount       DECIMAL(18, 2) NOT NULL,
    currency     VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,
    items        INTEGER,
    channel      VARCHAR,
    campaign     VARCHAR,
    coupon       VARCHAR,
    PRIMARY KEY (workspace_id, order_id)
);

CREATE TABLE IF NOT EXISTS ad_costs (
    workspace_id     BIGINT NOT NULL,
    date             DATE NOT NULL,
    channel          VARCHAR NOT NULL,
    campaign         VARCHAR NOT NULL,
    ad_group         VARCHAR NOT NULL,
    impressions      BIGINT NOT NULL,
    clicks           BIGINT NOT NULL,
    cost             DECIMAL(18, 2) NOT NULL,
    currency         VARCHAR NOT NULL,
    conversions      BIGINT NOT NULL,
    conversion_value DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (workspace_id, date, channel, campaign, ad_group)
);

CREATE TABLE IF NOT EXISTS content_metrics (
    workspace_id     BIGINT NOT NULL,
    post_id          VARCHAR NOT NULL,
    platform         VARCHAR NOT NULL,
    date             DATE NOT NULL,
    title            VARCHAR,
    reads            BIGINT NOT NULL,
    likes            BIGINT NOT NULL,
    comments         BIGINT NOT NULL,
    shares           BIGINT NOT NULL,
    saves            BIGINT NOT NULL,
    completion_rate  DOUBLE,
    followers_gained BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, post_id, date)
);

CREATE TABLE IF NOT EXISTS customers (
    workspace_id        BIGINT NOT NULL,
    customer_id         VARCHAR NOT NULL,
    first_seen          TIMESTAMPTZ,
    acquisition_channel VARCHAR,
    city                VARCHAR,
    gender              VARCHAR,
    age_band            VARCHAR,
    tier                VARCHAR,
    PRIMARY KEY (workspace_id, customer_id)
);
