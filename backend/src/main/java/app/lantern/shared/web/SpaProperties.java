package app.lantern.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the SPA needs to know at start-up, served as {@code /config.json}.
 *
 * @param keycloakUrl Keycloak's public base URL as the browser reaches it
 * @param realm       the realm
 * @param clientId    the SPA's public client
 */
@ConfigurationProperties("lantern.spa")
public record SpaProperties(String keycloakUrl, String realm, String clientId) {
}
