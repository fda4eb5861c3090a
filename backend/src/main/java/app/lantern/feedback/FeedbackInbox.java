package app.lantern.feedback;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Official;
import app.lantern.feedback.internal.FeedbackRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of feedback: unit heads read and answer their subtree's items; inspectors and
 * administrators read every unit's, to follow overdue and unanswered feedback.
 */
@Service
@PreAuthorize(Access.STAFF)
public class FeedbackInbox {

    /** A specific answer has at least this many words and characters. */
    static final int MIN_WORDS = 5;
    static final int MIN_CHARS = 20;
    static final int MAX_CHARS = 4000;

    private final FeedbackRepository repository;
    private final CatalogueService catalogue;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackInbox(FeedbackRepository repository, CatalogueService catalogue, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Connection<Feedback> page(FeedbackRepository.Filter filter, FeedbackRepository.Order order, PageRequest page,
                                     boolean withTotal) {
        Scope scope = Scope.current();
        FeedbackRepository.Filter effective = filter == null ? FeedbackRepository.Filter.ANY : filter;
        FeedbackRepository.Order sort = order == null ? FeedbackRepository.Order.SUBMITTED_AT_DESC : order;
        LocalDate today = today();
        return Connection.of(repository.page(effective, sort, page, scope, today), page, sort::cursor,
                withTotal ? () -> repository.count(effective, scope, today) : null);
    }

    /** The scorecard's feedback figures over the caller's units (unit heads: their subtree). */
    @Transactional(readOnly = true)
    public FeedbackRepository.Statistics statistics(FeedbackRepository.Filter filter) {
        return repository.statistics(filter == null ? FeedbackRepository.Filter.ANY : filter, Scope.current(), today());
    }

    @Transactional(readOnly = true)
    public Optional<Feedback> byId(long id) {
        return repository.byId(id, Scope.current());
    }

    public record Answered(Feedback feedback, List<UserError> userErrors) {
        static Answered refused(UserError error) {
            return new Answered(null, List.of(error));
        }
    }

    /** The unit head answers an item of their subtree, once, with a specific answer. */
    @Transactional
    @PreAuthorize(Access.UNIT_STAFF)
    public Answered answer(String feedbackId, int version, String answer) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            return Answered.refused(UserError.of("answer", "REQUIRED", "Write the answer"));
        }
        if (text.split("\\s+").length < MIN_WORDS || text.length() < MIN_CHARS) {
            return Answered.refused(UserError.of("answer", "NOT_SPECIFIC", "Answer specifically: say what was found and what the unit "
                    + "does about it (at least " + MIN_WORDS + " words and " + MIN_CHARS + " characters)"));
        }
        if (text.length() > MAX_CHARS) {
            return Answered.refused(UserError.of("answer", "TOO_LONG", "An answer is at most " + MAX_CHARS + " characters"));
        }
        Scope scope = Scope.current();
        Optional<Feedback> found;
        try {
            found = repository.lockById(NodeId.longKey(feedbackId, "Feedback"), scope);
        } catch (NotFoundException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return Answered.refused(UserError.of("feedbackId", "NOT_FOUND", "No feedback of your units with this ID"));
        }
        Feedback f = found.get();
        if (f.answer() != null) {
            return Answered.refused(UserError.general("ALREADY_ANSWERED", "Feedback " + f.code() + " was answered on "
                    + WorkingDays.localDate(f.answeredAt()) + "; an answer is given once"));
        }
        if (f.version() != version) {
            return Answered.refused(UserError.of("version", "CONCURRENT_MODIFICATION", "Someone else changed feedback " + f.code()
                    + " since you read it (your version " + version + ", now " + f.version() + "). Reload it and try again."));
        }
        CurrentUser user = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow();
        Long official = catalogue.officialByUsername(user.username()).map(Official::key).orElse(null);
        Instant now = clock.instant();
        if (!repository.answer(f.key(), version, text, now, user.username(), official)) {
            return Answered.refused(UserError.of("version", "CONCURRENT_MODIFICATION", "Someone else changed feedback " + f.code()
                    + " since you read it. Reload it and try again."));
        }
        LocalDate answeredOn = WorkingDays.localDate(now);
        audit.record("feedback.answer", "Feedback", f.code(), Map.of("answerDueDate", f.answerDueDate().toString(),
                "answeredOn", answeredOn.toString(), "late", answeredOn.isAfter(f.answerDueDate())));
        return new Answered(repository.byId(f.key(), scope).orElseThrow(), List.of());
    }

    public LocalDate today() {
        return WorkingDays.localDate(clock.instant());
    }
}
