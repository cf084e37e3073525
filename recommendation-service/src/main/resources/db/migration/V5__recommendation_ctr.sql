-- Online evaluation: impressions and clicks of served recommendations per day, model and scene (the variant), from
-- recommendation_impression / recommendation_click events carrying the recommendationId serving returned. Serving
-- remembers which model produced each item of a response (in Redis, for two days); an event whose response is
-- forgotten counts under model 'unknown'.
CREATE TABLE recommendation_ctr (
    day         date    NOT NULL,
    model       text    NOT NULL,
    scene       text    NOT NULL,
    impressions bigint  NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks      bigint  NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    PRIMARY KEY (day, model, scene)
);
