package compactqa.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample;
import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.Precisions;
import compactqa.model.Task;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LexicalRanker;
import compactqa.qa.SelectionFit;
import compactqa.train.Recipe;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;

/** {@code qa train selection}: fits how the compressor's scores and paragraph signals pick evidence. */
@Dependent
@Command(name = "selection",
        description = {"Fit the evidence selection (the compressor's logits combined with title and retrieval signals) on the",
                "validation questions the compressor's recipe held out, and write selection.json into the compressor folder."})
public class TrainSelectionCommand extends ValidationFitCommand {

    @Override
    String recordedPrecision(Precisions precisions) {
        return precisions.compressor().id();
    }

    @Override
    Task task() {
        return Task.COMPRESSOR;
    }

    @Override
    void fit(ModelArtifact artifact, Recipe recipe, List<QaExample> validation, Map<String, Object> provenance) throws Exception {
        LexicalRanker ranker = new LexicalRanker();
        List<SelectionFit.Question> questions = new ArrayList<>();
        for (QaExample e : validation) {
            if (e.hasSentenceSupport() && e.paragraphs().size() > 2) {
                questions.add(question(e, ranker));
            }
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(recipeFile + " holds out no question with labelled supporting sentences");
        }
        EvidenceSelection fitted;
        try (CompressorModel compressor = CompressorModel.open(artifact, context.models().cache(), context.models().encoderOptions(),
                precisions().compressor())) {
            fitted = SelectionFit.fit(compressor::score, questions, context.err());
        }
        Map<String, Object> report = merged(fitted.report(), provenance);
        new EvidenceSelection(fitted.weights(), fitted.bias(), report).write(artifact.dir());
        context.out().printf("evidence selection of %s on %d validation questions: first-hop paragraph recall@2 %s -> %s, "
                + "log loss %s -> %s; written to %s%n", artifact.dir(), questions.size(), report.get("first_hop_para_recall_at2_before"),
                report.get("first_hop_para_recall_at2_after"), report.get("log_loss_before"), report.get("log_loss_after"),
                artifact.dir().resolve(EvidenceSelection.FILE));
    }

    /** The question as the service reads it: paragraphs in BM25 order with their scores, support by document. */
    private static SelectionFit.Question question(QaExample e, LexicalRanker ranker) {
        LexicalRanker.Ranked ranked = ranker.rankScored(e.question(), e.paragraphs());
        List<Document> documents = ranked.documents();
        Map<String, Set<Integer>> gold = new HashMap<>();
        for (Document d : documents) {
            for (QaExample.SupportingFact f : e.supportingFacts()) {
                if (f.title().equals(d.title()) && f.sentence() >= 0 && f.sentence() < d.sentences().size()) {
                    gold.computeIfAbsent(d.id(), id -> new HashSet<>()).add(f.sentence());
                }
            }
        }
        return new SelectionFit.Question(e.question(), documents, ranked.scores(), gold);
    }
}
