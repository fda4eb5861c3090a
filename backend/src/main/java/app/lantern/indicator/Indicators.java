package app.lantern.indicator;

import app.lantern.calendar.WorkingDays;
import app.lantern.catalogue.CatalogueService;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.Unit;
import app.lantern.dossier.Dossier;
import app.lantern.dossier.DossierQueries;
import app.lantern.indicator.internal.IndicatorRepository;
import app.lantern.indicator.internal.RuleSetRepository;
import app.lantern.shared.graphql.Connection;
import app.lantern.shared.graphql.InvalidInputException;
import app.lantern.shared.graphql.NotFoundException;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Access;
import app.lantern.shared.security.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Decision 766 scorecard: per unit and period, ranking, monthly trend and the rows behind each
 * figure. Inspectors, administrators and partner systems granted every unit read every unit, unit
 * heads their subtree, other partner systems the subtrees of the units their token lists to read
 * (drilled-down dossiers show applicants only where the caller sees personal data); nobody else.
 * Dossier counts come from the monthly rollup the database keeps in step with the dossiers.
 */
@Service
@PreAuthorize(Access.READER)
@Transactional(readOnly = true)
public class Indicators {

    static final int MAX_TREND_MONTHS = 60;

    private final IndicatorRepository repository;
    private final RuleSetRepository ruleSets;
    private final DossierQueries dossiers;
    private final CatalogueService catalogue;
    private final Clock clock;

    Indicators(IndicatorRepository repository, RuleSetRepository ruleSets, DossierQueries dossiers, CatalogueService catalogue,
               Clock clock) {
        this.repository = repository;
        this.ruleSets = ruleSets;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Today in Vietnam: open dossiers due today or later are not due yet. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDays.ZONE));
    }

    /**
     * The unit tree and what the caller may ask about: every unit for callers who read all, else
     * the subtrees of their roots (a unit head's own unit, the units a partner system's token lists).
     */
    private final class Tree {
        final Map<Long, Unit> units = new LinkedHashMap<>();
        final Scope scope = Scope.current();
        /** The topmost units whose subtrees the caller reads (empty for callers who read all). */
        final List<Unit> roots;

        Tree() {
            repository.allUnits().forEach(u -> units.put(u.key(), u));
            List<String> codes = new ArrayList<>(scope.readUnitCodes());
            if (scope.staffUnitCode() != null) {
                codes.add(scope.staffUnitCode());
            }
            List<Unit> listed = units.values().stream().filter(u -> codes.contains(u.code())).toList();
            roots = scope.all() ? List.of() : listed.stream()
                    .filter(u -> listed.stream().noneMatch(o -> o != u && u.path().startsWith(o.path())))
                    .sorted(Comparator.comparing(Unit::path)).toList();
            if (!scope.all() && roots.isEmpty()) {
                throw new AccessDeniedException("Indicators are for inspectors, administrators, unit heads and partner systems granted units");
            }
        }

        /** The unit the caller asks about, refused when outside the caller's subtrees. */
        Unit allowed(long id) {
            Unit unit = units.get(id);
            if (unit == null) {
                throw new NotFoundException("No unit with this ID");
            }
            if (!scope.all() && roots.stream().noneMatch(r -> unit.path().startsWith(r.path()))) {
                throw new AccessDeniedException(scope.staffUnitCode() != null
                        ? "Unit heads read the indicators of their own unit's subtree only"
                        : "This partner system reads the indicators of the units its token lists only");
            }
            return unit;
        }

        List<Long> counted(Unit unit, boolean includeSubunits) {
            return includeSubunits ? subtree(unit).stream().map(Unit::key).toList() : List.of(unit.key());
        }

        List<Unit> subtree(Unit unit) {
            return units.values().stream().filter(u -> u.path().startsWith(unit.path())).toList();
        }
    }

    // ------------------------------------------------------------------ rule sets

    /** All rule sets, newest effective date first. */
    public List<RuleSet> ruleSets() {
        return ruleSets.all();
    }

    public Optional<RuleSet> ruleSet(long key) {
        return ruleSets.all().stream().filter(r -> r.key() == key).findFirst();
    }

    private static RuleSet inForce(List<RuleSet> all, LocalDate day) {
        return all.stream().filter(r -> !r.effectiveFrom().isAfter(day)).findFirst()
                .orElseThrow(() -> new InvalidInputException("period", "No rule set is in force on " + day + "; the earliest applies from "
                        + all.getLast().effectiveFrom()));
    }

    // ------------------------------------------------------------------ scorecards

    public Scorecard scorecard(long unitId, boolean includeSubunits, Period period) {
        Tree tree = new Tree();
        Unit unit = tree.allowed(unitId);
        RuleSet rules = inForce(ruleSets.all(), period.to());
        List<Long> counted = tree.counted(unit, includeSubunits);
        Map<Long, Counts> perUnit = repository.counts(List.of(period), counted, today()).getOrDefault(0, Map.of());
        return Scoring.score(unit, includeSubunits, period, rules, sum(perUnit, counted));
    }

    private Counts sum(Map<Long, Counts> perUnit, List<Long> units) {
        Counts total = new Counts().feedbackSource(repository.feedbackSourcePresent());
        units.forEach(id -> {
            Counts c = perUnit.get(id);
            if (c != null) {
                total.add(c);
            }
        });
        return total;
    }

    /** A scorecard with its place among the others. */
    public record Ranked(int rank, Scorecard scorecard) {
    }

    /**
     * Units ranked by total: {@code parent}'s children (or, with {@code level}, all units of that level
     * below it) that existed during the period and have a one-stop shop in what is counted. Without
     * {@code parent}: the top unit for callers who read all, else the caller's one root unit; a partner
     * system granted several separate units ranks those units themselves (with {@code level}, the
     * units of that level within them).
     */
    public List<Ranked> ranking(Long parentId, String level, boolean includeSubunits, Period period) {
        Tree tree = new Tree();
        Unit parent = parentId != null ? tree.allowed(parentId) : tree.scope.all()
                ? tree.units.values().stream().filter(u -> u.parentId() == null).min(Comparator.comparing(Unit::path)).orElse(null)
                : tree.roots.size() == 1 ? tree.roots.getFirst() : null;
        // a partner system granted several separate units ranks those units (or, with a level, that level within them)
        List<Unit> scopes = parent != null ? List.of(parent) : tree.roots;
        if (scopes.isEmpty()) {
            return List.of();
        }
        RuleSet rules = inForce(ruleSets.all(), period.to());
        List<Unit> candidates = scopes.stream().flatMap(top -> tree.subtree(top).stream()
                        .filter(u -> parent == null ? (level == null ? u.key() == top.key() : level.equals(u.level()))
                                : u.key() != top.key() && (level != null ? level.equals(u.level())
                                        : parent.key() == (u.parentId() == null ? -1 : u.parentId()))))
                .filter(u -> !u.validFrom().isAfter(period.to()) && (u.validTo() == null || !u.validTo().isBefore(period.from())))
                .filter(u -> (includeSubunits ? tree.subtree(u) : List.of(u)).stream().anyMatch(Unit::oneStopShop))
                .toList();
        Map<Long, Counts> perUnit = repository.counts(List.of(period),
                scopes.stream().flatMap(top -> tree.counted(top, true).stream()).toList(), today()).getOrDefault(0, Map.of());
        List<Scorecard> cards = new ArrayList<>();
        for (Unit u : candidates) {
            cards.add(Scoring.score(u, includeSubunits, period, rules, sum(perUnit, tree.counted(u, includeSubunits))));
        }
        cards.sort(Comparator.comparingDouble(Scorecard::total).reversed().thenComparing(c -> c.unit().code()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            int rank = i > 0 && cards.get(i).total() == cards.get(i - 1).total() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(rank, cards.get(i)));
        }
        return ranked;
    }

    /** One scorecard per month from the month of {@code from} to that of {@code to}. */
    public List<Scorecard> trend(long unitId, boolean includeSubunits, LocalDate from, LocalDate to) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "The trend ends before it starts");
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_TREND_MONTHS) {
            throw new InvalidInputException("to", "A trend covers at most " + MAX_TREND_MONTHS + " months");
        }
        Tree tree = new Tree();
        Unit unit = tree.allowed(unitId);
        List<RuleSet> all = ruleSets.all();
        List<Period> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(Period.month(m));
        }
        List<Long> counted = tree.counted(unit, includeSubunits);
        Map<Integer, Map<Long, Counts>> counts = repository.counts(months, counted, today());
        List<Scorecard> cards = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            cards.add(Scoring.score(unit, includeSubunits, months.get(i), inForce(all, months.get(i).to()),
                    sum(counts.getOrDefault(i, Map.of()), counted)));
        }
        return cards;
    }

    // ------------------------------------------------------------------ drill-down

    public Connection<Dossier> dossiers(long unitId, boolean includeSubunits, Period period, IndicatorCode code, String part,
                                        PageRequest page, boolean withTotal) {
        if (code.basis() != Basis.DOSSIERS) {
            throw new InvalidInputException("indicator", code + " counts " + code.basis().name().toLowerCase()
                    + (code.basis() == Basis.PROCEDURES ? "; list them with indicatorProcedures" : "") + ", not dossiers");
        }
        Tree tree = new Tree();
        List<Long> counted = tree.counted(tree.allowed(unitId), includeSubunits);
        LocalDate today = today();
        List<IndicatorRepository.Row> rows = repository.dossiers(code, part, period, counted, today, page);
        Map<Long, Dossier> found = dossiers.byIds(rows.stream().map(IndicatorRepository.Row::id).toList());
        return page(rows, page, found, withTotal ? () -> repository.dossierCount(code, part, period, counted, today) : null);
    }

    public Connection<Procedure> procedures(long unitId, boolean includeSubunits, Period period, IndicatorCode code, String part,
                                            PageRequest page, boolean withTotal) {
        if (code.basis() != Basis.PROCEDURES) {
            throw new InvalidInputException("indicator", code + " counts " + code.basis().name().toLowerCase()
                    + (code.basis() == Basis.DOSSIERS ? "; list them with indicatorDossiers" : "") + ", not procedures");
        }
        Tree tree = new Tree();
        List<Long> counted = tree.counted(tree.allowed(unitId), includeSubunits);
        List<IndicatorRepository.Row> rows = repository.procedures(code, part, period, counted, page);
        Map<Long, Procedure> found = catalogue.proceduresByIds(rows.stream().map(IndicatorRepository.Row::id).toList());
        return page(rows, page, found, withTotal ? () -> repository.procedureCount(code, part, period, counted) : null);
    }

    private static <T> Connection<T> page(List<IndicatorRepository.Row> rows, PageRequest page, Map<Long, T> found,
                                          java.util.function.LongSupplier total) {
        Connection<IndicatorRepository.Row> keys = Connection.of(rows, page, IndicatorRepository.Row::cursor, total);
        List<Connection.Edge<T>> edges = keys.edges().stream().filter(e -> found.containsKey(e.node().id()))
                .map(e -> new Connection.Edge<>(e.cursor(), found.get(e.node().id()))).toList();
        return new Connection<>(edges, edges.stream().map(Connection.Edge::node).toList(), keys.pageInfo(), keys.totalCount());
    }

    private static <T> Map<Long, T> index(List<T> list, Function<T, Long> key) {
        Map<Long, T> map = new LinkedHashMap<>();
        list.forEach(t -> map.put(key.apply(t), t));
        return map;
    }
}
