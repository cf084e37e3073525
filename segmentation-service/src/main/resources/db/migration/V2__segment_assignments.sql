-- What scoring and modelling runs assigned to each customer, read by rule segments (io.lodestar.segmentation.rule):
-- the RFM group per model and the latest cluster, lifecycle stage and churn prediction. Each run replaces its rows.

-- The RFM score of each customer in each model. group_name is the wire name of an RfmClass (threshold scheme) or an
-- RfmSegment (quintile scheme); code is the scheme's short form (HLH, or the R-F-M quintile scores such as 545).
CREATE TABLE rfm_score (
    model_id     text          NOT NULL,
    customer_id  text          NOT NULL,
    recency_days integer       NOT NULL CHECK (recency_days >= 0),
    frequency    integer       NOT NULL CHECK (frequency >= 0),
    monetary     numeric(16,2) NOT NULL,
    r_score      smallint      NOT NULL CHECK (r_score BETWEEN 1 AND 5),
    f_score      smallint      NOT NULL CHECK (f_score BETWEEN 1 AND 5),
    m_score      smallint      NOT NULL CHECK (m_score BETWEEN 1 AND 5),
    code         text          NOT NULL,
    group_name   text          NOT NULL CHECK (group_name IN (
        'important-value', 'important-retain', 'important-develop', 'important-win-back',
        'general-value', 'general-retain', 'general-develop', 'general-win-back',
        'champions', 'loyal', 'potential-loyalist', 'new', 'promising', 'need-attention', 'about-to-sleep', 'at-risk',
        'cant-lose-them', 'hibernating', 'lost')),
    PRIMARY KEY (model_id, customer_id)
);
-- Rule conditions look a customer's group up by (model_id, customer_id), the primary key; this serves "everyone in a
-- group of a model" (counts per group, tag refreshes).
CREATE INDEX rfm_score_by_group ON rfm_score (model_id, group_name);

-- The latest assignment of each customer by the clustering, lifecycle and churn runs; a column stays null until the
-- run that fills it has assigned the customer.
CREATE TABLE customer_assignment (
    customer_id       text             PRIMARY KEY,
    cluster_id        integer          CHECK (cluster_id >= 0),
    cluster_name      text,
    lifecycle_stage   text             CHECK (lifecycle_stage IN ('prospect', 'new', 'active', 'at_risk', 'lapsed', 'won_back')),
    churn_risk        text             CHECK (churn_risk IN ('low', 'medium', 'high')),
    churn_probability double precision CHECK (churn_probability BETWEEN 0 AND 1)
);
