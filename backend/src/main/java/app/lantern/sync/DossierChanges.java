package app.lantern.sync;

import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.Scope;
import app.lantern.sync.internal.ChangeRepository;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;

/** The change feed of the dossiers the caller may see: pages to catch up, and a live stream of status changes. */
@Service
@PreAuthorize(Access.READER)
public class DossierChanges {

    /** A page of the feed and where to resume. */
    public record Page(List<DossierChange> changes, boolean hasMore, String endCursor) {
    }

    private final ChangeRepository repository;
    private final ChangeRelay relay;

    DossierChanges(ChangeRepository repository, ChangeRelay relay) {
        this.repository = repository;
        this.relay = relay;
    }

    @Transactional(readOnly = true)
    public Page after(String cursor, Collection<Long> units, int first) {
        DossierChange.Position after = cursor == null ? DossierChange.Position.START
                : DossierChange.Position.decode(cursor).orElseThrow(() -> new InvalidInputException("after", "Not a cursor of the change feed: " + cursor));
        List<DossierChange> rows = repository.after(after, Scope.current(), units, first + 1);
        boolean more = rows.size() > first;
        List<DossierChange> page = more ? rows.subList(0, first) : rows;
        return new Page(page, more, page.isEmpty() ? (cursor == null ? after.encode() : cursor) : page.getLast().cursor());
    }

    /** Status changes and new dossiers committed from now on, in the caller's scope and {@code units}' subtrees. */
    public Flux<DossierChange> statusChanges(Collection<Long> units) {
        Set<Long> visible = repository.visibleUnits(Scope.current(), units);
        return relay.changesAfter(repository.head())
                .filter(change -> change.fromStatus() != change.toStatus())
                .filter(change -> visible == null || visible.contains(change.unitId()));
    }
}
