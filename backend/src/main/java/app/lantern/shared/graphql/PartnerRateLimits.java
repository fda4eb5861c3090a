package app.lantern.shared.graphql;

import app.lantern.shared.security.CurrentUser;
import app.lantern.shared.security.Role;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Per-partner limits: operations per second and query cost per minute, counted in fixed windows in
 * PostgreSQL ({@code partner_rate_window}) so that every backend instance enforces the same budget,
 * and each partner has rows of its own, so one partner's burst never waits on another's. An
 * operation over a limit is not run: it gets a {@code RATE_LIMITED} error with
 * {@code extensions.retryAfterSeconds}, and the HTTP answer a {@code Retry-After} header.
 * Refused operations count towards the limits too. Staff, citizens and anonymous callers are not
 * counted here (the request guards apply to everybody).
 */
@Component
class PartnerRateLimits extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    /** GraphQL context key holding the partner's client id. */
    static final String PARTNER = "lantern.partner";
    private static final String RETRY_AFTER = "retryAfterSeconds";

    private final JdbcClient jdbc;
    private final PartnerLimitProperties limits;
    private final QueryCost costs;

    PartnerRateLimits(JdbcClient jdbc, PartnerLimitProperties limits, QueryCost costs) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.costs = costs;
    }

    // ------------------------------------------------------------------ who is calling

    /**
     * Marks a partner's operations, over HTTP and over WebSocket alike. Over HTTP the caller is in
     * the request thread's security context; over WebSocket the connection's authentication (from
     * {@code connection_init}) travels in the Reactor context, so each subscription started counts as
     * an operation too.
     */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(context -> {
            // over WebSocket, the request thread's own context holds only the anonymous upgrade request
            Authentication caller = context.<SecurityContext>getOrEmpty(SecurityContext.class.getName())
                    .map(SecurityContext::getAuthentication)
                    .orElseGet(() -> SecurityContextHolder.getContext().getAuthentication());
            String partner = CurrentUser.of(caller).filter(user -> user.has(Role.PARTNER)).map(CurrentUser::username).orElse(null);
            if (partner == null) {
                return chain.next(request);
            }
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(PARTNER, partner)).build());
            return chain.next(request).doOnNext(response -> response.getErrors().stream()
                    .filter(error -> error.getErrorType() == LanternErrorType.RATE_LIMITED)
                    .map(error -> error.getExtensions().get(RETRY_AFTER))
                    .findFirst()
                    .ifPresent(seconds -> response.getResponseHeaders().set("Retry-After", String.valueOf(seconds))));
        });
    }

    // ------------------------------------------------------------------ what it costs

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        String partner = execution.getGraphQLContext().get(PARTNER);
        if (partner != null) {
            charge(partner, costs.of(execution));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Counts one operation of {@code cost}; throws when a limit is passed. */
    void charge(String partner, int cost) {
        PartnerLimitProperties.Limits mine = limits.of(partner);
        List<Window> windows = jdbc.sql("""
                        insert into partner_rate_window (partner, kind, window_start, used)
                        values (:partner, 'REQUESTS', date_trunc('second', statement_timestamp()), 1),
                               (:partner, 'COST', date_trunc('minute', statement_timestamp()), :cost)
                        on conflict (partner, kind, window_start) do update set used = partner_rate_window.used + excluded.used
                        returning kind, used, window_start, statement_timestamp() as now""")
                .param("partner", partner).param("cost", cost)
                .query((rs, n) -> new Window(rs.getString("kind"), rs.getLong("used"), rs.getObject("window_start", OffsetDateTime.class),
                        rs.getObject("now", OffsetDateTime.class)))
                .list();
        if (ThreadLocalRandom.current().nextInt(500) == 0) {
            jdbc.sql("delete from partner_rate_window where window_start < statement_timestamp() - interval '10 minutes'").update();
        }
        for (Window w : windows) {
            boolean requests = w.kind().equals("REQUESTS");
            long limit = requests ? mine.requestsPerSecond() : mine.costPerMinute();
            if (w.used() > limit) {
                Duration length = requests ? Duration.ofSeconds(1) : Duration.ofMinutes(1);
                long retryAfter = Math.max(1, (long) Math.ceil(Duration.between(w.now(), w.start().plus(length)).toMillis() / 1000.0));
                String message = requests
                        ? "Too many requests: " + partner + " may send " + limit + " operations per second. Retry after " + retryAfter + " s."
                        : cost > limit
                        ? "This operation costs " + cost + ", more than " + partner + "'s budget of " + limit + " per minute: ask for smaller pages."
                        : "Query cost budget spent: " + partner + " may spend " + limit + " per minute (this operation costs " + cost
                                + "). Retry after " + retryAfter + " s.";
                throw new AbortExecutionException(List.of(rateLimited(message, retryAfter, requests, limit, cost)));
            }
        }
    }

    private static GraphQLError rateLimited(String message, long retryAfter, boolean requests, long limit, int cost) {
        return GraphqlErrorBuilder.newError().errorType(LanternErrorType.RATE_LIMITED).message(message)
                .extensions(Map.of(RETRY_AFTER, retryAfter, "limit", requests ? "REQUESTS_PER_SECOND" : "COST_PER_MINUTE",
                        "limitValue", limit, "cost", cost))
                .build();
    }

    private record Window(String kind, long used, OffsetDateTime start, OffsetDateTime now) {
    }
}
