package app.lantern.inspection;

/** Where a plan stands; the order is the lifecycle's. */
public enum PlanStatus {
    DRAFT, APPROVED, IN_PROGRESS, CONCLUDED, FOLLOW_UP, CLOSED;

    /** Targets, team, header and checklist change only while the plan is a draft: they are fixed at approval. */
    public boolean editable() {
        return this == DRAFT;
    }

    /** From here on the target units' heads see the findings about their unit. */
    public boolean concluded() {
        return ordinal() >= CONCLUDED.ordinal();
    }
}
