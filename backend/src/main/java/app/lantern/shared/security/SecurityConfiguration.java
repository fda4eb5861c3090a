package app.lantern.shared.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.time.Clock;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Lantern is an OAuth2 resource server for Keycloak's access tokens. The URL layer only rejects
 * invalid tokens; which operation a caller may run and which rows they see is decided by the
 * feature services ({@code @PreAuthorize}) and their SQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the SPA's silent login check loads /silent-check-sso.html in an iframe of its own origin
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtConverter())));
        return http.build();
    }

    /**
     * The default firewall, except that an encoded slash may appear in a path: plan numbers contain a
     * slash and a plan's page is {@code /plans/<number, encoded>} (Tomcat decodes it, see
     * {@code SpaWebConfiguration}). Every other check stays: encoded percent and backslash, double
     * slashes, non-printable characters, and paths that are not normalised once decoded ({@code ..}).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    /**
     * Validates signature, issuer, audience, expiry and not-before. Signing keys are fetched lazily
     * (Lantern starts before Keycloak does) and stay cached until a token names a key id not seen
     * before, so that valid tokens keep working while Keycloak is unreachable.
     */
    @Bean
    JwtDecoder jwtDecoder(TokenProperties tokens, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(tokens.effectiveJwkSetUri())
                .cache(new ConcurrentMapCache("keycloak-signing-keys"))
                .build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(tokens.clockSkew());
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                expiry,
                new JwtIssuerValidator(tokens.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(tokens.audience()))));
        return decoder;
    }

    /**
     * GraphQL over WebSocket ({@code graphql-transport-ws}): the access token comes as
     * {@code {"Authorization": "Bearer <token>"}} in the {@code connection_init} payload and is
     * validated by the same decoder and role mapping as on HTTP; a connection without a valid one
     * is closed before any operation runs. First of the interceptors, so that those after it (the
     * partner limits) find the connection's caller in the Reactor context it writes.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebSocketGraphQlInterceptor webSocketAuthentication(JwtDecoder jwtDecoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(jwtDecoder);
        provider.setJwtAuthenticationConverter(new KeycloakJwtConverter());
        return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), new ProviderManager(provider));
    }

    /** Realm roles become {@code ROLE_*} authorities; the principal's name is the login name. */
    static final class KeycloakJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            CurrentUser user = CurrentUser.from(jwt);
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            if (!user.partnerReadUnits().isEmpty()) {
                authorities.add(new SimpleGrantedAuthority(Access.PARTNER_READ_AUTHORITY));
            }
            if (!user.partnerWriteUnits().isEmpty()) {
                authorities.add(new SimpleGrantedAuthority(Access.PARTNER_WRITE_AUTHORITY));
            }
            return new JwtAuthenticationToken(jwt, List.copyOf(authorities), user.username());
        }
    }
}
