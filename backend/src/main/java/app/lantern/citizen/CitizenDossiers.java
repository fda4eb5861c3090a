package app.lantern.citizen;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingDays;
import app.lantern.citizen.internal.CitizenRepository;
import app.lantern.dossier.Lifecycle;
import app.lantern.dossier.LookupSecrets;
import app.lantern.dossier.Transition;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.graphql.UserError;
import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Role;
import app.lantern.shared.throttle.Throttle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Citizens and their dossiers: the public lookup by receipt code and a second factor, "my
 * dossiers" for logged-in citizens, and the applicant's satisfaction rating.
 *
 * <p>The lookup does not tell a wrong code from a wrong second factor: both answer "no match",
 * after the same work (one indexed read, one hash, constant-time comparisons against a dummy
 * when the code is unknown). Attempts are throttled per client address and per code, in
 * PostgreSQL ({@link Throttle}), so every instance counts them.
 */
@Service
public class CitizenDossiers {

    /** Compared against when the code is unknown, so that an unknown code costs what a known one does. */
    private static final String DUMMY_HASH = LookupSecrets.hash("LANTERN-DUMMY-CODE", "NOT-A-SECRET");
    private static final String NO_DIGITS = "\u0000\u0000\u0000\u0000";
    private static final int MAX_CODE = 64;

    private final CitizenRepository repository;
    private final Throttle throttle;
    private final LookupLimits limits;
    private final AuditLog audit;
    private final Clock clock;
    private final tools.jackson.databind.ObjectMapper json;

    CitizenDossiers(CitizenRepository repository, Throttle throttle, LookupLimits limits, AuditLog audit, Clock clock,
                    tools.jackson.databind.ObjectMapper json) {
        this.repository = repository;
        this.throttle = throttle;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    // ------------------------------------------------------------------ public lookup

    /**
     * The dossier when the code and second factor match; empty for a wrong code or a wrong factor
     * alike. Not one transaction: each attempt is counted (and committed) before the code is checked.
     */
    public Optional<PublicDossier> lookup(String receiptCode, String secondFactor, String clientAddress) {
        return verify(receiptCode, secondFactor, clientAddress)
                .flatMap(id -> repository.views(List.of(id), today()).stream().findFirst());
    }

    /**
     * The key of the dossier that the code and second factor (lookup secret, or the last four
     * digits of the phone number or of the identity number given at receipt) open, counted against
     * the caller's address and the code. Throws {@code RateLimitedException} when over a limit.
     */
    public Optional<Long> verify(String receiptCode, String secondFactor, String clientAddress) {
        String code = normaliseCode(receiptCode);
        String factor = normaliseFactor(secondFactor);
        throttle.attempt("lookup-address:" + clientAddress, limits.address(),
                "Too many lookups from your network. Wait a moment before trying again.");
        throttle.attempt("lookup-code:" + code, limits.code(),
                "This code has been tried too often and is locked for a while. Try again later or ask the unit that received the dossier.");
        Optional<CitizenRepository.Credentials> found = repository.credentials(code);
        boolean match = matches(code, factor, found);
        if (match) {
            throttle.refund("lookup-code:" + code);
            return found.map(CitizenRepository.Credentials::id);
        }
        return Optional.empty();
    }

    private static boolean matches(String code, String factor, Optional<CitizenRepository.Credentials> found) {
        String storedHash = found.map(CitizenRepository.Credentials::secretHash).filter(h -> h != null).orElse(DUMMY_HASH);
        String phone = found.map(c -> lastFourDigits(c.phone())).orElse(NO_DIGITS);
        String identity = found.map(c -> lastFourDigits(c.identityNumber())).orElse(NO_DIGITS);
        String given = factor.matches("\\d{4}") ? factor : "\u0001\u0001\u0001\u0001";
        // every comparison runs every time; none short-circuits
        boolean secret = MessageDigest.isEqual(bytes(LookupSecrets.hash(found.map(CitizenRepository.Credentials::receiptCode)
                .orElse(code), factor)), bytes(storedHash));
        boolean byPhone = MessageDigest.isEqual(bytes(given), bytes(phone));
        boolean byIdentity = MessageDigest.isEqual(bytes(given), bytes(identity));
        return found.isPresent() & (secret | byPhone | byIdentity);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String lastFourDigits(String value) {
        String digits = value == null ? "" : value.replaceAll("\\D", "");
        return digits.length() < 4 ? NO_DIGITS : digits.substring(digits.length() - 4);
    }

    static String normaliseCode(String receiptCode) {
        String code = receiptCode == null ? "" : receiptCode.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new InvalidInputException("receiptCode", "Enter the receipt code printed on your receipt slip");
        }
        if (code.length() > MAX_CODE) {
            throw new InvalidInputException("receiptCode", "A receipt code has at most " + MAX_CODE + " characters");
        }
        return code;
    }

    static String normaliseFactor(String secondFactor) {
        String factor = secondFactor == null ? "" : secondFactor.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        if (factor.isEmpty()) {
            throw new InvalidInputException("secondFactor",
                    "Enter the lookup secret from your receipt slip, or the last 4 digits of your phone or identity number");
        }
        if (factor.length() > MAX_CODE) {
            throw new InvalidInputException("secondFactor", "The second factor has at most " + MAX_CODE + " characters");
        }
        return factor;
    }

    // ------------------------------------------------------------------ logged-in citizens

    /** The caller's dossiers: those whose applicant identity number is the token's {@code citizen_id}. */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional(readOnly = true)
    public Connection<PublicDossier> mine(PageRequest page, boolean withTotal) {
        String citizenId = caller().map(CurrentUser::citizenId).orElse(null);
        if (citizenId == null) {
            return Connection.of(List.of(), page, CitizenRepository::cursor, withTotal ? () -> 0 : null);
        }
        return Connection.of(repository.ofCitizen(citizenId, page, today()), page, CitizenRepository::cursor,
                withTotal ? () -> repository.countOfCitizen(citizenId) : null);
    }

    /** Public timelines of dossiers the caller was just shown. */
    @Transactional(readOnly = true)
    public Map<Long, List<PublicDossier.Step>> timelines(Collection<Long> dossierKeys) {
        return repository.timelines(dossierKeys.stream().distinct().toList()).stream()
                .collect(Collectors.groupingBy(PublicDossier.Step::dossierKey, LinkedHashMap::new, Collectors.toList()));
    }

    // ------------------------------------------------------------------ satisfaction

    /** The dossier as rated, or why not. */
    public record Rating(PublicDossier dossier, List<UserError> userErrors) {
        static Rating refused(UserError error) {
            return new Rating(null, List.of(error));
        }
    }

    /**
     * The applicant rates the handling once, after the result was handed over: a logged-in citizen
     * for their own dossier (no second factor needed), anyone else with the code and second factor.
     * Feeds the dossier's satisfaction, as the staff's {@code dossierRate} does.
     */
    @Transactional
    public Rating rate(String receiptCode, String secondFactor, int satisfaction, String clientAddress) {
        if (satisfaction < 1 || satisfaction > 5) {
            return Rating.refused(UserError.of("satisfaction", "OUT_OF_RANGE", "Satisfaction is rated from 1 (very unhappy) to 5 (very satisfied)"));
        }
        Optional<CurrentUser> user = caller();
        boolean factorGiven = secondFactor != null && !secondFactor.isBlank();
        if (!factorGiven && !isCitizen(user)) {
            return Rating.refused(UserError.of("secondFactor", "REQUIRED",
                    "Enter the lookup secret from your receipt slip, or the last 4 digits of your phone or identity number"));
        }
        Optional<DossierRef> key = open(receiptCode, secondFactor, clientAddress);
        if (key.isEmpty()) {
            return Rating.refused(UserError.of("receiptCode", "NOT_FOUND", "No dossier matches this receipt code and second factor"));
        }
        CitizenRepository.Credentials d = repository.lockCredentials(key.get().key()).orElseThrow();
        LocalDate today = today();
        Optional<String> refusal = Lifecycle.refusal(Lifecycle.Facts.of(d.status(), d.dueDate(), d.resolvedAt(), d.satisfaction()),
                Transition.RATE, today);
        if (refusal.isPresent() || !repository.rate(d.id(), satisfaction)) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Rating.refused(d.satisfaction() != null
                    ? UserError.general("ALREADY_RATED", "This dossier has already been rated; a dossier is rated once")
                    : UserError.general("NOT_RETURNED", "A dossier can be rated once its result has been handed over (status now: "
                            + d.status() + ")"));
        }
        String actor = user.map(CurrentUser::username).orElse("applicant");
        repository.insertRateEvent(d.id(), d.unitId(), clock.instant(), actor,
                json.writeValueAsString(Map.of("satisfaction", satisfaction, "by", "applicant")));
        audit.record("dossier.rate", "Dossier", d.receiptCode(), Map.of("satisfaction", satisfaction, "by", "applicant",
                "via", factorGiven ? "receipt code and second factor" : "citizen login"));
        return new Rating(repository.views(List.of(d.id()), today).getFirst(), List.of());
    }

    /** A dossier someone has shown they may see. */
    public record DossierRef(long key, String receiptCode, long unitId) {
    }

    /**
     * The dossier that the caller opens: with a second factor, as a lookup does; without one, a
     * logged-in citizen's own dossier (identity number = {@code citizen_id}). Throttled alike;
     * empty for no match, whichever part was wrong.
     */
    public Optional<DossierRef> open(String receiptCode, String secondFactor, String clientAddress) {
        Optional<CurrentUser> user = caller();
        Optional<Long> key;
        if ((secondFactor == null || secondFactor.isBlank()) && isCitizen(user)) {
            key = ownDossier(receiptCode, user.get().citizenId(), clientAddress);
        } else {
            key = verify(receiptCode, secondFactor, clientAddress);
        }
        return key.flatMap(repository::lockCredentials).map(c -> new DossierRef(c.id(), c.receiptCode(), c.unitId()));
    }

    private static boolean isCitizen(Optional<CurrentUser> user) {
        return user.filter(u -> u.has(Role.CITIZEN) && u.citizenId() != null).isPresent();
    }

    /** A logged-in citizen's own dossier by code, throttled like a lookup. */
    private Optional<Long> ownDossier(String receiptCode, String citizenId, String clientAddress) {
        String code = normaliseCode(receiptCode);
        throttle.attempt("lookup-address:" + clientAddress, limits.address(),
                "Too many lookups from your network. Wait a moment before trying again.");
        return repository.credentials(code)
                .filter(c -> c.identityNumber() != null && MessageDigest.isEqual(bytes(c.identityNumber()), bytes(citizenId)))
                .map(CitizenRepository.Credentials::id);
    }

    private static Optional<CurrentUser> caller() {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication());
    }

    private LocalDate today() {
        return WorkingDays.localDate(clock.instant());
    }
}
