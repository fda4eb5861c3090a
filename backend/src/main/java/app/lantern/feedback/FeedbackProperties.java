package app.lantern.feedback;

import app.lantern.shared.throttle.Throttle;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feedback rules.
 *
 * @param answerDays            working days a unit has to answer, counted from the working day after submission
 * @param submissionsPerAddress feedback items one client address may send per {@code submissionWindow}
 * @param submissionWindow      the window of that limit
 */
@ConfigurationProperties("lantern.feedback")
public record FeedbackProperties(@DefaultValue("10") int answerDays,
                                 @DefaultValue("5") int submissionsPerAddress,
                                 @DefaultValue("10m") Duration submissionWindow) {

    public Throttle.Limit submissions() {
        return new Throttle.Limit(submissionsPerAddress, submissionWindow);
    }
}
