package compactqa.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import compactqa.index.IndexService;
import compactqa.index.SearchHit;
import compactqa.index.SearchResult;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qa search "..."}: BM25 search from the command line. */
@Dependent
@Command(name = "search", description = "Search the paragraph index.")
public class SearchCommand implements Callable<Integer> {

    private static final int MAX_K = 1000;

    @Inject
    IndexService index;

    @Mixin
    CommandContext context;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The words to search for.")
    String[] words;

    @Option(names = {"-k", "--top"}, defaultValue = "10", description = "Number of results (1-" + MAX_K + ", default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("-k must be from 1 to " + MAX_K + ", got " + k);
        }
        String query = String.join(" ", words).strip();
        if (query.isEmpty()) {
            throw new IllegalArgumentException("the query is empty");
        }
        SearchResult result = index.search(query, k);
        PrintWriter out = context.out();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            return 0;
        }
        out.printf("%,d matching paragraphs; top %d for: %s%n", result.totalHits(), result.hits().size(), String.join(" ", result.terms()));
        boolean terminal = System.console() != null;
        for (SearchHit hit : result.hits()) {
            out.printf("%n%2d. %s  [%.3f]  %s%n", hit.rank(), hit.document().title(), hit.score(), hit.document().id());
            out.printf("    %s%n", Snippets.render(hit.snippet(), terminal));
        }
        return 0;
    }
}
