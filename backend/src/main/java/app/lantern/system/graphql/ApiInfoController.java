package app.lantern.system.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** {@code apiInfo}: public, for health checks and partners; {@code ping}: a login check for clients. */
@Controller
class ApiInfoController {

    private final String version;

    ApiInfoController(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    record ApiInfo(String version, OffsetDateTime serverTime) {
    }

    @QueryMapping
    ApiInfo apiInfo() {
        return new ApiInfo(version, OffsetDateTime.now(ZoneOffset.UTC));
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    OffsetDateTime ping() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
