package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The card tells the data the recipe used, and never shows figures of other weights. */
class ModelCardTest {

    @TempDir
    Path dir;

    private void files(String metricsSha) throws IOException {
        Files.writeString(dir.resolve("model.json"), """
                {"task":"reader","base":"all-minilm-l6-v2","heads":[],"max_length":384,"stride":128,"sha256":"abc"}""");
        Files.writeString(dir.resolve("training.json"), """
                {"recipe":"task: reader\\ndata:\\n  - path: ../shared/data/squad/squad-v1.1-dev.json.gz\\n    repeat: 1\\n    limit: 0\\n    hold_out_articles: 8\\n  - path: ../shared/data/musique/train-100.jsonl.gz\\n    repeat: 3\\n    limit: 50\\n    hold_out_articles: 0\\n",
                 "training_features":10,"trainable_parameters":5,"steps":2,"seconds":60,"epochs":[]}""");
        Files.writeString(dir.resolve("metrics.json"), """
                {"command":"./qa eval reader","commit":"c0ffee","date":"2026-11-22","weights_sha256":"%s","squad_heldout_f1":71.5}"""
                .formatted(metricsSha));
    }

    @Test
    void listsTheRecipesDataAndTheFiguresOfTheseWeights() throws IOException {
        files("abc");
        ModelCard.write(dir);
        String card = Files.readString(dir.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("`../shared/data/squad/squad-v1.1-dev.json.gz`, without its last 8 articles"), card);
        assertTrue(card.contains("`../shared/data/musique/train-100.jsonl.gz`, its first 50 questions, seen 3 times per epoch"), card);
        assertTrue(card.contains("| `squad_heldout_f1` | 71.5 |"), card);
    }

    @Test
    void theSettingsChosenOnValidationAreListedWithTheCommandThatChoseThem() throws IOException {
        files("abc");
        Files.writeString(dir.resolve("loop.json"), """
                {"segment_size": 3, "sufficiency_threshold": 0.8, "report": {"validation_questions": 400, "best_f1": 51.25}}""");
        ModelCard.write(dir);
        String card = Files.readString(dir.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("## Settings chosen on the validation split"), card);
        assertTrue(card.contains("`loop.json`, by `./qa train loop`"), card);
        assertTrue(card.contains("| `segment_size` | 3 |") && card.contains("| `report.best_f1` | 51.25 |"), card);
        assertFalse(card.contains("calibration.json"), "only the files that are there: " + card);
    }

    @Test
    void fractionsShowFourDecimalsAndCountsStayWhole() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertEquals("0.5335", ModelCard.figure(json.readTree("0.5334685598377282")));
        assertEquals("57.56", ModelCard.figure(json.readTree("57.56")));
        assertEquals("493", ModelCard.figure(json.readTree("493")));
        assertEquals("0.5", ModelCard.figure(json.readTree("0.50000001")));
    }

    @Test
    void figuresOfOtherWeightsAreCalledStaleNotShown() throws IOException {
        files("old");
        ModelCard.write(dir);
        String card = Files.readString(dir.resolve("MODEL_CARD.md"));
        assertFalse(card.contains("71.5"), card);
        assertTrue(card.contains("measured on other weights"), card);
    }

    @Test
    void aSecondStageShowsBothStagesOldestFirst() throws IOException {
        files("abc");
        Files.writeString(dir.resolve("training.json"), """
                {"recipe":"task: reader\\ndata:\\n  - path: ../shared/data/2wiki/train-500.json.gz\\n    repeat: 1\\n    balance_yes_no: true\\n",
                 "training_features":7,"trainable_parameters":5,"steps":3,"seconds":60,"epochs":[],
                 "previous":{"recipe":"task: reader\\ndata:\\n  - path: ../shared/data/nq/nq-open-oracle.jsonl.gz\\n    repeat: 1\\n",
                   "training_features":99,"trainable_parameters":5,"steps":40,"seconds":600,"epochs":[]}}""");
        ModelCard.write(dir);
        String card = Files.readString(dir.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("In 2 stages"), card);
        assertTrue(card.indexOf("99 training features") < card.indexOf("7 training features"), card);
        assertTrue(card.contains("Stage 1: Trained only on these files") && card.contains("nq-open-oracle"), card);
        assertTrue(card.contains("`../shared/data/2wiki/train-500.json.gz`, the rarer of its yes and no questions repeated"), card);
    }
}
