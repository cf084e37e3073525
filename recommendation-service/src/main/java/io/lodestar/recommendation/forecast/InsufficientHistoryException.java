package io.lodestar.recommendation.forecast;

/**
 * The demand series is too short to fit a seasonal model and backtest it. The API layer reports it as a conflict with
 * the current data (409), not as a server error: the request is fine, the history is not there yet.
 */
public final class InsufficientHistoryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int days;
    private final int requiredDays;

    public InsufficientHistoryException(int days, int period, int holdoutDays) {
        super("a demand forecast needs at least " + (2 * period + holdoutDays) + " days of history (two seasons of "
                + period + " days to fit the season, plus " + holdoutDays + " days held out for the backtest), got "
                + days);
        this.days = days;
        this.requiredDays = 2 * period + holdoutDays;
    }

    /** Days of history the caller had. */
    public int days() {
        return days;
    }

    /** Days of history needed with these parameters. */
    public int requiredDays() {
        return requiredDays;
    }
}
