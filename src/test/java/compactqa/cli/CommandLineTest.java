package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.index.BuildListener;
import compactqa.index.IndexService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** The {@code qa} commands, run in the application with the real index and CDI beans. */
@QuarkusTest
class CommandLineTest {

    @Inject
    CdiCommandFactory factory;

    @Inject
    IndexService index;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ensureIndex() throws IOException {
        index.ensureIndex(BuildListener.NONE);
    }

    private int run(String... args) {
        CommandLine cli = QaCommandLine.commandLine(factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void searchPrintsRankedResults() {
        assertEquals(0, run("search", "-k", "2", "Statue", "of", "Liberty"));
        String text = out.toString();
        assertTrue(text.contains(" 1. Statue of Liberty"), text);
        assertTrue(text.contains(" 2. "), text);
        assertTrue(text.contains("[Statue]"), "matches are bracketed off a terminal: " + text);
    }

    @Test
    void searchErrorsAreOneLineAndNonZero() {
        assertEquals(1, run("search", "the", "of"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("qa: "), err.toString());
        assertEquals(1, run("search", "-k", "0", "tower"));
        err.getBuffer().setLength(0);
        assertEquals(2, run("search", "-k", "many", "tower"), "picocli's usage error status");
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("qa: ") && err.toString().contains("qa search --help"), err.toString());
    }

    @Test
    void indexStatsDescribesTheLiveIndex() {
        assertEquals(0, run("index", "stats"));
        assertTrue(out.toString().contains("documents  44"), out.toString());
        assertTrue(out.toString().contains("test-index/gen-0000"), out.toString());
        assertTrue(out.toString().contains("corpus.jsonl"), out.toString());
    }

    @Test
    void indexBuildRejectsMissingAndUnknownInputsWithoutTouchingTheIndex() throws IOException {
        String before = index.info().generation();
        assertEquals(1, run("index", "build", "no/such/file.jsonl"));
        assertTrue(err.toString().contains("no such file or folder"), err.toString());
        assertEquals(1, run("index", "build", Path.of("pom.xml").toString()));
        assertTrue(err.toString().contains("unknown format"), err.toString());
        assertEquals(before, index.info().generation());
    }

    @Test
    void indexGenerateWritesACorpusLikeItsSampleAndRefusesNonsense(@TempDir Path tmp) throws IOException {
        Path corpus = tmp.resolve("synthetic.jsonl");
        assertEquals(0, run("index", "generate", "--like", "index/demo/corpus.jsonl", "--paragraphs", "300", "--out", corpus.toString()),
                err.toString());
        assertEquals(300, Files.readAllLines(corpus).size());
        assertTrue(out.toString().contains("wrote 300 paragraphs"), out.toString());
        assertEquals(1, run("index", "generate", "--like", "index/demo/corpus.jsonl", "--paragraphs", "0", "--out", corpus.toString()));
        assertTrue(err.toString().contains("--paragraphs must be at least 1"), err.toString());
        assertEquals(1, run("index", "generate", "--like", "no/such/file.jsonl", "--paragraphs", "5", "--out", tmp.resolve("x").toString()));
        assertTrue(Files.notExists(tmp.resolve("x")) && Files.notExists(tmp.resolve("x.partial")), "a failed run leaves no file");
    }

    @Test
    void evalIndexScaleMeasuresTheLiveIndex(@TempDir Path tmp) throws IOException {
        Path result = tmp.resolve("scale.json");
        assertEquals(0, run("eval", "index-scale", "--queries", "60", "--result", result.toString()), err.toString());
        String json = Files.readString(result);
        assertTrue(json.contains("\"paragraphs\" : " + index.info().documents()), json);
        assertTrue(json.contains("\"bm25\" : {"), json);
    }

    @Test
    void addSkipsParagraphsAlreadyIndexed() {
        assertEquals(0, run("index", "add", "index/demo/corpus.jsonl"));
        assertTrue(out.toString().contains("indexed 0 paragraphs, skipped 44 duplicates"), out.toString());
    }

    @Test
    void everySubcommandInheritsHelpAndVersion() {
        assertEquals(0, run("train", "compressor", "--help"));
        assertTrue(out.toString().contains("--recipe") && out.toString().contains("--version"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "qa", "-V"));
        assertTrue(out.toString().contains("CompactQA"), out.toString());
    }

    @Test
    void topLevelHelpListsCommands() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"serve", "index", "search", "eval"}) {
            assertTrue(out.toString().contains(command), out.toString());
        }
    }

    @Test
    void verifyRerunsARecordedBenchmarkAndCatchesADifferentFigure(@TempDir Path tmp) throws IOException {
        String sample = "../shared/data/hotpotqa/dev-distractor-sample-103.json.gz";
        assertEquals(0, run("eval", "retrieval", "--name", "sample", "--dataset", sample, "--output", tmp.toString()), err.toString());
        Path result = tmp.resolve("retrieval-sample.json");
        assertEquals(0, run("eval", "verify", result.toString()), err.toString());
        assertTrue(java.util.regex.Pattern.compile("(?m)^OK +" + java.util.regex.Pattern.quote(result.toString()) + " \\(")
                .matcher(out.toString()).find(), out.toString());

        Path ledger = tmp.resolve("verified.json");
        assertEquals(0, run("eval", "verify", "--ledger", "--ledger-file", ledger.toString(), result.toString()), err.toString());
        assertTrue(Files.readString(ledger).contains("\"verdict\" : \"OK\""), Files.readString(ledger));
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "verify", "--ledger", "--ledger-file", ledger.toString(), result.toString()), err.toString());
        assertFalse(out.toString().contains("OK  "), "the ledger holds the verdict: nothing runs again: " + out);
        assertTrue(out.toString().contains("1 result files; {OK=1}; pending 0"), out.toString());

        Files.writeString(result, Files.readString(result).replaceFirst("\"mrr\" : [0-9.]+", "\"mrr\" : 0.5"));
        assertEquals(1, run("eval", "verify", "--ledger", "--ledger-file", ledger.toString(), result.toString()), "changed content is verified again");
        assertTrue(out.toString().contains("FAIL   mrr: recorded 0.5"), out.toString());
        assertTrue(Files.readString(ledger).contains("\"verdict\" : \"FAIL\""), Files.readString(ledger));

        // a command that no longer runs is a failure of its file, and the files after it are still verified
        Path broken = tmp.resolve("retrieval-broken.json");
        Files.writeString(broken, "{\"command\": \"./qa eval retrieval --name broken --dataset no/such/file.json\"}");
        out.getBuffer().setLength(0);
        assertEquals(1, run("eval", "verify", broken.toString(), result.toString()));
        assertTrue(out.toString().contains("the recorded command failed"), out.toString());
        assertTrue(out.toString().contains("FAIL   mrr: recorded 0.5"), "the next file still ran: " + out);
    }

    @Test
    void modelImportThenExportWritesACheckpointAndARunnableGraph(@TempDir Path tmp) throws IOException {
        assertEquals(0, run("model", "import", "--encoder", "all-minilm-l6-v2", "--out", tmp.resolve("ck").toString()), err.toString());
        // embeddings 11,918,592 + 6 layers x 1,774,464 (Hugging Face counts 22.7M with the pooler, which an encoder does not need)
        assertTrue(out.toString().contains("22,565,376 parameters"), out.toString());
        assertTrue(Files.size(tmp.resolve("ck/model.safetensors")) > 90_000_000);
        assertEquals(0, run("model", "export", "--checkpoint", tmp.resolve("ck").toString(), "--out", tmp.resolve("m.onnx").toString()),
                err.toString());
        assertTrue(Files.size(tmp.resolve("m.onnx")) > 80_000_000);
    }

    @Test
    void modelCommandsRefuseUnknownEncodersAndMissingCheckpoints(@TempDir Path tmp) {
        assertEquals(1, run("model", "import", "--encoder", "gpt-5", "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString().contains("unknown encoder 'gpt-5'"), err.toString());
        assertEquals(1, run("model", "import", "--encoder", "all-minilm-l6-v2-int8", "--out", tmp.resolve("x").toString()));
        assertEquals(1, run("model", "export", "--checkpoint", tmp.resolve("nothing").toString(), "--out", tmp.resolve("m.onnx").toString()));
        assertTrue(err.toString().contains("is not a checkpoint"), err.toString());
    }
}
