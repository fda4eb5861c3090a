package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing of an inspection is hard-deleted once approved: the only {@code delete from} statements in
 * the feature replace a plan's checklist, targets and team, which change only while it is a DRAFT
 * ({@link PlanWorkflow} refuses them afterwards). Everything else is marked removed or appended.
 */
class NoHardDeleteTest {

    private static final Set<String> DRAFT_ONLY = Set.of("inspection_checklist_item", "inspection_target", "inspection_team_member");
    private static final Pattern DELETE = Pattern.compile("(?i)\\bdelete\\s+from\\s+(\\w+)|\\btruncate\\s+(?:table\\s+)?(\\w+)");

    @Test
    void onlyDraftPlansContentsAreEverDeleted() throws IOException {
        Set<String> deleted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/app/lantern/inspection"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = DELETE.matcher(Files.readString(file));
                while (m.find()) {
                    deleted.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(deleted).as("tables deleted from").isNotEmpty().isSubsetOf(DRAFT_ONLY);
    }
}
