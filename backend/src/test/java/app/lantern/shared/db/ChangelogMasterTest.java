package app.lantern.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The master changelog includes every change file once, in file-name (timestamp) order, with one
 * {@code file} per include: a merge that glues two includes together silently skips a change file.
 */
class ChangelogMasterTest {

    private static final Path CHANGELOG = Path.of("src/main/resources/db/changelog");

    @Test
    @SuppressWarnings("unchecked")
    void everyChangeFileIsIncludedOnceInOrder() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> master;
        try (Reader reader = Files.newBufferedReader(CHANGELOG.resolve("db.changelog-master.yaml"))) {
            master = new Yaml(options).load(reader);
        }
        List<String> included = ((List<Map<String, Map<String, Object>>>) master.get("databaseChangeLog")).stream()
                .map(entry -> (String) entry.get("include").get("file")).toList();
        List<String> files;
        try (Stream<Path> changes = Files.list(CHANGELOG.resolve("changes"))) {
            files = changes.map(p -> "changes/" + p.getFileName()).sorted().toList();
        }
        assertThat(included).containsExactlyElementsOf(files);
    }
}
