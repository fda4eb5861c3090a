package app.lantern.shared.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.execution.instrumentation.fieldvalidation.FieldValidationInstrumentation;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** Scalars and the guards every request passes: depth, cost, page size, deadline, document cache. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer lanternScalars() {
        return wiring -> wiring.scalar(Scalars.DATE).scalar(Scalars.DATE_TIME);
    }

    @Bean
    Instrumentation maxQueryDepth(GraphQlGuardProperties guards) {
        return new MaxQueryDepthInstrumentation(guards.maxDepth());
    }

    @Bean
    QueryCost queryCost(GraphQlGuardProperties guards) {
        return new QueryCost(guards);
    }

    @Bean
    Instrumentation pageSizeLimit(GraphQlGuardProperties guards) {
        return new FieldValidationInstrumentation(new PageSizeValidation(guards.maxPageSize()));
    }

    @Bean
    Instrumentation requestDeadline(GraphQlGuardProperties guards) {
        return new RequestDeadlineInstrumentation(guards.timeout());
    }

    /**
     * Batch loaders run concurrently on virtual threads. Dispatching them level by level then splits
     * a loader's keys into as many batches as there are parents finishing at different moments;
     * dispatching only once nothing else can proceed gathers every key a loader will get into one
     * batch, so a page costs the same statements however its loaders' timings fall.
     */
    @Bean
    WebGraphQlInterceptor exhaustedDataLoaderDispatching() {
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) -> {
                DataLoaderDispatchingContextKeys.setEnableDataLoaderExhaustedDispatching(input.getGraphQLContext(), true);
                return input;
            });
            return chain.next(request);
        };
    }

    @Bean
    GraphQlSourceBuilderCustomizer schemaInspection(SchemaMappingReport report) {
        return builder -> builder.inspectSchemaMappings(report::accept);
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentCache(GraphQlGuardProperties guards) {
        CachingDocumentProvider provider = new CachingDocumentProvider(guards.documentCacheSize());
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }
}
