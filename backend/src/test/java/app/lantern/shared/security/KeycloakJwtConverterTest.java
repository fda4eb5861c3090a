package app.lantern.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak's claims become Lantern's roles, unit and citizen identity. */
class KeycloakJwtConverterTest {

    private final SecurityConfiguration.KeycloakJwtConverter converter = new SecurityConfiguration.KeycloakJwtConverter();

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }

    @Test
    void realmRolesBecomeRoleAuthoritiesAndForeignRolesAreIgnored() {
        Jwt jwt = token().claim("preferred_username", "head.quyhop").claim("name", "Hồ Văn Nam").claim("unit", "NA-QUYHOP")
                .claim("realm_access", Map.of("roles", List.of("unit_head", "offline_access", "default-roles-lantern"))).build();

        var authentication = converter.convert(jwt);

        assertThat(authentication.getName()).isEqualTo("head.quyhop");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_UNIT_HEAD");
        CurrentUser user = CurrentUser.of(authentication).orElseThrow();
        assertThat(user.unitCode()).isEqualTo("NA-QUYHOP");
        assertThat(user.displayName()).isEqualTo("Hồ Văn Nam");
        assertThat(user.citizenId()).isNull();
    }

    @Test
    void citizenCarriesTheirIdentityNumber() {
        Jwt jwt = token().claim("preferred_username", "citizen").claim("citizen_id", "040190000123")
                .claim("realm_access", Map.of("roles", List.of("citizen"))).build();

        CurrentUser user = CurrentUser.of(converter.convert(jwt)).orElseThrow();

        assertThat(user.roles()).containsExactly(Role.CITIZEN);
        assertThat(user.citizenId()).isEqualTo("040190000123");
        assertThat(user.unitCode()).isNull();
    }

    @Test
    void partnerServiceAccountIsNamedByItsClient() {
        Jwt jwt = token().claim("preferred_username", "service-account-lantern-partner-demo").claim("azp", "lantern-partner-demo")
                .claim("realm_access", Map.of("roles", List.of("partner"))).build();

        var authentication = converter.convert(jwt);

        assertThat(authentication.getName()).isEqualTo("lantern-partner-demo");
        assertThat(CurrentUser.of(authentication).orElseThrow().roles()).containsExactly(Role.PARTNER);
    }

    @Test
    void aPartnersUnitListsBecomeItsScopeAndAuthorities() {
        Jwt provincial = token().claim("preferred_username", "service-account-lantern-partner-nghean").claim("azp", "lantern-partner-nghean")
                .claim("realm_access", Map.of("roles", List.of("partner")))
                .claim("partner_units_read", List.of("NA")).claim("partner_units_write", "NA-SYT NA-STNMT").build();
        var authentication = converter.convert(provincial);
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_PARTNER", "PARTNER_READ", "PARTNER_WRITE");
        Scope scope = Scope.of(authentication);
        assertThat(scope.all()).isFalse();
        assertThat(scope.readUnitCodes()).containsExactly("NA");
        assertThat(scope.personalDataUnitCodes()).containsExactly("NA-SYT", "NA-STNMT");

        Jwt portal = token().claim("preferred_username", "service-account-lantern-partner-portal").claim("azp", "lantern-partner-portal")
                .claim("realm_access", Map.of("roles", List.of("partner"))).claim("partner_units_read", List.of("*"))
                .claim("partner_units_write", List.of()).build();
        Scope all = Scope.of(converter.convert(portal));
        assertThat(all.all()).isTrue();
        assertThat(all.personalDataEverywhere()).isFalse();
        assertThat(converter.convert(portal).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_PARTNER", "PARTNER_READ");
    }

    @Test
    void unitListsCountOnlyForPartners() {
        Jwt staff = token().claim("preferred_username", "head.syt").claim("unit", "NA-SYT")
                .claim("realm_access", Map.of("roles", List.of("unit_head"))).claim("partner_units_read", List.of("*")).build();
        Scope scope = Scope.of(converter.convert(staff));
        assertThat(scope.all()).isFalse();
        assertThat(scope.readUnitCodes()).isEmpty();
    }

    @Test
    void displayNamePutsTheFamilyNameFirst() {
        Jwt jwt = token().claim("preferred_username", "inspector.lead").claim("name", "Thanh Nguyễn Văn")
                .claim("given_name", "Thanh").claim("family_name", "Nguyễn Văn").build();

        assertThat(CurrentUser.of(converter.convert(jwt)).orElseThrow().displayName()).isEqualTo("Nguyễn Văn Thanh");
    }

    @Test
    void tokenWithoutRealmRolesHasNoRole() {
        Jwt jwt = token().claim("preferred_username", "someone").build();

        assertThat(converter.convert(jwt).getAuthorities()).isEmpty();
    }
}
