package app.lantern.indicator;

/**
 * The counters of one scope (units) and period. {@code feedbackSource}: whether the installation
 * records citizens' feedback at all; without it the feedback indicators have no data.
 */
public final class Counts {

    private final long[] values = new long[Counter.values().length];
    private boolean feedbackSource;

    public long get(Counter counter) {
        return values[counter.ordinal()];
    }

    public Counts set(Counter counter, long value) {
        values[counter.ordinal()] = value;
        return this;
    }

    public Counts add(Counts other) {
        for (int i = 0; i < values.length; i++) {
            values[i] += other.values[i];
        }
        feedbackSource |= other.feedbackSource;
        return this;
    }

    public boolean feedbackSource() {
        return feedbackSource;
    }

    public Counts feedbackSource(boolean present) {
        this.feedbackSource = present;
        return this;
    }
}
