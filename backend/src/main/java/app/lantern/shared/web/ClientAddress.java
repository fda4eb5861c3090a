package app.lantern.shared.web;

import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the client's address into the GraphQL context as {@value #CONTEXT_KEY}, for throttling the
 * public operations. It is the servlet request's remote address: behind a load balancer, set
 * {@code server.forward-headers-strategy} ({@code LANTERN_FORWARD_HEADERS=native}) so that it is
 * taken from {@code X-Forwarded-For} as sent by the trusted proxies
 * ({@code server.tomcat.remoteip.internal-proxies}); otherwise every citizen would share the
 * balancer's address.
 */
@Component
public class ClientAddress implements WebGraphQlInterceptor {

    public static final String CONTEXT_KEY = "lantern.clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null ? "unknown"
                : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONTEXT_KEY, address)).build());
        return chain.next(request);
    }
}
