package app.lantern.sync;

/** What happened to one item of a sync batch. */
public enum SyncOutcome {
    CREATED, UPDATED, UNCHANGED, REJECTED
}
