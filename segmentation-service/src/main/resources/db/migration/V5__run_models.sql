-- What a run's models reported: the clustering (k chosen and why, quality, stability against the previous run,
-- cluster profiles and names) and the churn model (holdout AUC, base rate, coefficients), or why one was skipped.
ALTER TABLE segmentation_run ADD COLUMN clustering jsonb;
ALTER TABLE segmentation_run ADD COLUMN churn jsonb;
