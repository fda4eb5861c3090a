package app.lantern.inspection.finding;

import app.lantern.shared.graphql.UserError;
import java.util.List;

/** A finding mutation's result: the finding after the change, or the reasons nothing changed. */
public record FindingOutcome(Finding finding, List<UserError> userErrors) {

    public static FindingOutcome refused(List<UserError> errors) {
        return new FindingOutcome(null, List.copyOf(errors));
    }

    public static FindingOutcome refused(UserError error) {
        return refused(List.of(error));
    }
}
