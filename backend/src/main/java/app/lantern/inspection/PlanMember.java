package app.lantern.inspection;

/** An official on a plan's team. */
public record PlanMember(long planId, long officialId, String role) {

    public boolean lead() {
        return "LEAD".equals(role);
    }
}
