package app.lantern.inspection;

import app.lantern.shared.graphql.UserError;
import java.util.List;

/** A plan mutation's result: the plan after the change, or the reasons nothing changed. */
public record PlanOutcome(InspectionPlan plan, List<UserError> userErrors) {

    public static PlanOutcome refused(List<UserError> errors) {
        return new PlanOutcome(null, List.copyOf(errors));
    }

    public static PlanOutcome refused(UserError error) {
        return refused(List.of(error));
    }
}
