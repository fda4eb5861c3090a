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

    /** A page looks at up to this many changes per change asked for (other units' changes are skipped). */
    private static final int SCAN_FACTOR = 10;

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
        ChangeRepository.Scan scan = repository.after(after, Scope.current(), units, first, first * SCAN_FACTOR);
        String end = scan.readUpTo() == null ? (cursor == null ? after.encode() : cursor) : scan.readUpTo().encode();
        return new Page(scan.changes(), scan.moreToRead(), end);
    }

    /** Status changes and new dossiers committed from now on, in the caller's scope and {@code units}' subtrees. */
    public Flux<DossierChange> statusChanges(Collection<Long> units) {
        Set<Long> visible = repository.visibleUnits(Scope.current(), units);
        return relay.changesAfter(repository.head())
                .filter(change -> change.fromStatus() != change.toStatus())
                .filter(change -> visible == null || visible.contains(change.unitId()));
    }
}
