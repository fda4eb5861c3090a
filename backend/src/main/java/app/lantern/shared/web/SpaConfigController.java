package app.lantern.shared.web;

import java.util.Map;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the SPA where Keycloak is, so one build serves every installation. */
@RestController
class SpaConfigController {

    private final SpaProperties spa;
    private final String version;

    SpaConfigController(SpaProperties spa, ObjectProvider<BuildProperties> build) {
        this.spa = spa;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @GetMapping("/config.json")
    ResponseEntity<Map<String, Object>> config() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .body(Map.of(
                        "version", version,
                        "keycloak", Map.of("url", spa.keycloakUrl(), "realm", spa.realm(), "clientId", spa.clientId())));
    }
}
