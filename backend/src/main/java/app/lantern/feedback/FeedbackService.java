package app.lantern.feedback;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.CalendarService;
import app.lantern.calendar.WorkingDays;
import app.lantern.citizen.CitizenDossiers;
import app.lantern.citizen.LookupLimits;
import app.lantern.dossier.LookupSecrets;
import app.lantern.feedback.internal.FeedbackRepository;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.throttle.Throttle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The public side of feedback: anyone sends feedback or a recommendation about a procedure, a unit
 * or a dossier; it is routed to the responsible unit with an answer deadline in working days; the
 * sender follows it with its code and secret (or logged in) and rates the answer once.
 */
@Service
public class FeedbackService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .]{8,15}");
    private static final String DUMMY_HASH = LookupSecrets.hash("GY-DUMMY", "NOT-A-SECRET");
    private static final int MAX_PROCEDURES = 20;

    private final FeedbackRepository repository;
    private final CitizenDossiers citizens;
    private final CalendarService calendar;
    private final Throttle throttle;
    private final LookupLimits lookupLimits;
    private final FeedbackProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackService(FeedbackRepository repository, CitizenDossiers citizens, CalendarService calendar, Throttle throttle,
                    LookupLimits lookupLimits, FeedbackProperties properties, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.citizens = citizens;
        this.calendar = calendar;
        this.throttle = throttle;
        this.lookupLimits = lookupLimits;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ pickers

    @Transactional(readOnly = true)
    public List<FeedbackRepository.UnitOption> units() {
        return repository.currentUnits(today());
    }

    @Transactional(readOnly = true)
    public List<FeedbackRepository.ProcedureOption> procedures(String text, String unitId, Integer first) {
        int limit = first == null ? 10 : first;
        if (limit < 1 || limit > MAX_PROCEDURES) {
            throw new InvalidInputException("first", "Ask for 1 to " + MAX_PROCEDURES + " procedures");
        }
        String words = text == null || text.isBlank() ? null : text.strip();
        return repository.procedures(words, unitId == null ? null : NodeId.longKey(unitId, "Unit"), limit);
    }

    // ------------------------------------------------------------------ submit

    public record Submission(String kind, String procedureId, String unitId, String dossierReceiptCode, String dossierSecondFactor,
                             String message, String senderName, String senderEmail, String senderPhone) {
    }

    public record Submitted(Feedback feedback, String secret, List<UserError> userErrors) {
        static Submitted refused(List<UserError> errors) {
            return new Submitted(null, null, errors);
        }
    }

    @Transactional
    public Submitted submit(Submission input, String clientAddress) {
        Optional<CurrentUser> user = caller();
        List<UserError> errors = new ArrayList<>();
        String message = trim(input.message());
        if (message == null) {
            errors.add(UserError.of("message", "REQUIRED", "Write your feedback"));
        } else if (message.length() < 10) {
            errors.add(UserError.of("message", "TOO_SHORT", "Write at least 10 characters so the unit understands your feedback"));
        } else if (message.length() > 4000) {
            errors.add(UserError.of("message", "TOO_LONG", "Feedback is at most 4000 characters"));
        }
        String name = trim(input.senderName());
        String email = trim(input.senderEmail());
        String phone = trim(input.senderPhone());
        if (user.isEmpty() && name == null) {
            errors.add(UserError.of("senderName", "REQUIRED", "Enter your name, or log in"));
        } else if (name != null && name.length() > 200) {
            errors.add(UserError.of("senderName", "TOO_LONG", "A name is at most 200 characters"));
        }
        if (user.isEmpty() && email == null && phone == null) {
            errors.add(UserError.of("senderEmail", "CONTACT_REQUIRED", "Enter an e-mail address or a phone number so the unit can reach you"));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(UserError.of("senderEmail", "INVALID", "Enter an e-mail address like name@example.vn"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(UserError.of("senderPhone", "INVALID", "A telephone number has 8 to 15 digits"));
        }
        String dossierCode = trim(input.dossierReceiptCode());
        int about = (input.procedureId() == null ? 0 : 1) + (input.unitId() == null ? 0 : 1) + (dossierCode == null ? 0 : 1);
        if (about != 1) {
            errors.add(UserError.of("procedureId", about == 0 ? "ABOUT_REQUIRED" : "ABOUT_AMBIGUOUS",
                    "Choose exactly one thing the feedback is about: a procedure, a unit or a dossier"));
        }
        if (!errors.isEmpty()) {
            return Submitted.refused(errors);
        }
        throttle.attempt("feedback-address:" + clientAddress, properties.submissions(),
                "You have sent several feedback items just now. Wait a few minutes before sending another.");
        LocalDate today = today();
        Long unit = null;
        Long procedure = null;
        Long dossier = null;
        if (input.procedureId() != null) {
            Optional<FeedbackRepository.ProcedureOption> p = decode(input.procedureId(), "Procedure").flatMap(repository::procedure);
            if (p.isEmpty()) {
                return Submitted.refused(List.of(UserError.of("procedureId", "NOT_FOUND", "No procedure in force with this ID")));
            }
            procedure = p.get().id();
            unit = p.get().unitId();
        } else if (input.unitId() != null) {
            Optional<FeedbackRepository.UnitOption> u = decode(input.unitId(), "Unit").flatMap(id -> repository.currentUnit(id, today));
            if (u.isEmpty()) {
                return Submitted.refused(List.of(UserError.of("unitId", "NOT_FOUND", "No current unit with this ID")));
            }
            unit = u.get().id();
        } else {
            boolean factor = input.dossierSecondFactor() != null && !input.dossierSecondFactor().isBlank();
            if (!factor && user.filter(u -> u.citizenId() != null).isEmpty()) {
                return Submitted.refused(List.of(UserError.of("dossierSecondFactor", "REQUIRED",
                        "Enter the dossier's lookup secret, or the last 4 digits of the phone or identity number given at receipt")));
            }
            Optional<CitizenDossiers.DossierRef> d = citizens.open(dossierCode, input.dossierSecondFactor(), clientAddress);
            if (d.isEmpty()) {
                return Submitted.refused(List.of(UserError.of("dossierReceiptCode", "NOT_FOUND",
                        "No dossier matches this receipt code and second factor")));
            }
            dossier = d.get().key();
            unit = d.get().unitId();
        }
        Instant now = clock.instant();
        LocalDate due = calendar.deadlines().dueDate(WorkingDays.localDate(now), properties.answerDays());
        String code = "GY-" + LookupSecrets.newSecret().substring(0, 8);
        String secret = LookupSecrets.newSecret();
        long id = repository.insert(new FeedbackRepository.NewFeedback(code, LookupSecrets.hash(code, secret), input.kind(), unit,
                procedure, dossier, message, name != null ? name : user.map(CurrentUser::displayName).orElse(null), email, phone,
                user.map(CurrentUser::username).orElse(null), now, due));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", input.kind());
        details.put("about", procedure != null ? "procedure" : dossier != null ? "dossier" : "unit");
        details.put("unitId", unit);
        details.put("answerDueDate", due.toString());
        audit.record("feedback.submit", "Feedback", code, details);
        return new Submitted(repository.publicView(id).orElseThrow(), secret, List.of());
    }

    // ------------------------------------------------------------------ follow-up

    /** The item when the code and secret match (or the logged-in sender asks); empty otherwise, whichever was wrong. */
    public Optional<Feedback> status(String code, String secret, String clientAddress) {
        return verify(code, secret, clientAddress).flatMap(repository::publicView);
    }

    private Optional<Long> verify(String rawCode, String rawSecret, String clientAddress) {
        String code = rawCode == null ? "" : rawCode.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.length() > 64) {
            throw new InvalidInputException("code", "Enter the feedback code you were given when you sent it");
        }
        String secret = rawSecret == null ? "" : rawSecret.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        throttle.attempt("lookup-address:" + clientAddress, lookupLimits.address(),
                "Too many lookups from your network. Wait a moment before trying again.");
        throttle.attempt("feedback-code:" + code, lookupLimits.code(),
                "This code has been tried too often and is locked for a while. Try again later.");
        Optional<FeedbackRepository.Credentials> found = repository.credentials(code);
        String username = caller().map(CurrentUser::username).orElse(null);
        boolean bySecret = MessageDigest.isEqual(bytes(LookupSecrets.hash(code, secret)),
                bytes(found.map(FeedbackRepository.Credentials::secretHash).orElse(DUMMY_HASH)));
        boolean bySender = username != null && found.map(FeedbackRepository.Credentials::senderUsername).filter(username::equals).isPresent();
        if (found.isPresent() & (bySecret | bySender)) {
            throttle.refund("feedback-code:" + code);
            return found.map(FeedbackRepository.Credentials::id);
        }
        return Optional.empty();
    }

    public record Rated(Feedback feedback, List<UserError> userErrors) {
        static Rated refused(UserError error) {
            return new Rated(null, List.of(error));
        }
    }

    /** The sender rates the answer once. */
    @Transactional
    public Rated rate(String code, String secret, int rating, String clientAddress) {
        if (rating < 1 || rating > 5) {
            return Rated.refused(UserError.of("rating", "OUT_OF_RANGE", "An answer is rated from 1 (very unhappy) to 5 (very satisfied)"));
        }
        Optional<Long> id = verify(code, secret, clientAddress);
        if (id.isEmpty()) {
            return Rated.refused(UserError.of("code", "NOT_FOUND", "No feedback matches this code and secret"));
        }
        Feedback f = repository.lockPublic(id.get()).orElseThrow();
        if (f.answer() == null || f.rating() != null || !repository.rate(f.key(), rating, clock.instant())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Rated.refused(f.answer() == null
                    ? UserError.general("NOT_ANSWERED", "The answer can be rated once the unit has answered")
                    : UserError.general("ALREADY_RATED", "This answer has already been rated; an answer is rated once"));
        }
        audit.record("feedback.rate", "Feedback", f.code(), Map.of("rating", rating));
        return new Rated(repository.publicView(f.key()).orElseThrow(), List.of());
    }

    public LocalDate today() {
        return WorkingDays.localDate(clock.instant());
    }

    private static Optional<Long> decode(String id, String type) {
        try {
            return Optional.of(NodeId.longKey(id, type));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<CurrentUser> caller() {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
