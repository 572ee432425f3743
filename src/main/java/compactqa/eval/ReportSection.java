package compactqa.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of the generated benchmark report that one kind of result file makes: a section of
 * {@code eval/README.md} and rows of the project README's results table. {@code EvalReport} names the
 * prefix of the file names each section reads.
 */
interface ReportSection {

    /** The section of {@code eval/README.md}, given every result file of this kind. */
    void appendDetails(StringBuilder md, List<JsonNode> results);

    /** A short table for the project README, with the commands that produced it. */
    void appendSummary(StringBuilder md, List<JsonNode> results);

    /** Draws this section's plots into {@code dir} (which exists; AWT is headless), before its details link them. */
    default void plot(Path dir, List<JsonNode> results) throws IOException {
    }
}
