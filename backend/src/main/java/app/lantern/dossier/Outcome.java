package app.lantern.dossier;

import app.lantern.shared.graphql.UserError;
import java.util.List;

/**
 * What a dossier change produced: the dossier after it, or the user errors that stopped it (then
 * nothing was stored). {@code lookupSecret} only for a receipt.
 */
public record Outcome(Dossier dossier, String lookupSecret, List<UserError> userErrors) {

    static Outcome of(Dossier dossier) {
        return new Outcome(dossier, null, List.of());
    }

    static Outcome refused(UserError... errors) {
        return new Outcome(null, null, List.of(errors));
    }

    static Outcome refused(List<UserError> errors) {
        return new Outcome(null, null, List.copyOf(errors));
    }
}
