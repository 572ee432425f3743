package compactqa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the project's folders are: {@code compactqa.home}, set by the {@code ./qa} launcher. */
@ConfigMapping(prefix = "compactqa")
public interface ProjectConfig {

    /** The project folder, which holds {@code eval/}, {@code index/} and the README. */
    @WithDefault(".")
    Path home();

    /** Benchmark results. */
    default Path results() {
        return home().resolve("eval/results");
    }

    /** The result files in {@link #results()}, by name; none where it does not exist. */
    default List<Path> resultFiles() throws IOException {
        if (!Files.isDirectory(results())) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(results())) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The trained models, each in its folder. */
    default Path models() {
        return home().resolve("models");
    }

    /** The generated benchmark report. */
    default Path evalReadme() {
        return home().resolve("eval/README.md");
    }

    /** The project README, whose results table the report updates. */
    default Path readme() {
        return home().resolve("README.md");
    }
}
