package app.lantern.citizen;

import app.lantern.shared.throttle.Throttle;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many public lookups (dossier by receipt code, feedback by feedback code) are allowed.
 *
 * @param perAddress    attempts per client address in {@code addressWindow}, whatever the code
 * @param addressWindow the address's window
 * @param perCode       failed attempts per code in {@code codeWindow}; then the code is locked until the window ends
 *                      (successful lookups give their attempt back)
 * @param codeWindow    the code's window
 */
@ConfigurationProperties("lantern.citizen.lookup")
public record LookupLimits(@DefaultValue("5") int perAddress,
                           @DefaultValue("1m") Duration addressWindow,
                           @DefaultValue("10") int perCode,
                           @DefaultValue("24h") Duration codeWindow) {

    public Throttle.Limit address() {
        return new Throttle.Limit(perAddress, addressWindow);
    }

    public Throttle.Limit code() {
        return new Throttle.Limit(perCode, codeWindow);
    }
}
