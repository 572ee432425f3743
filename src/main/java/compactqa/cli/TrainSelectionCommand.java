package compactqa.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import compactqa.corpus.Document;
import compactqa.eval.DatasetLoader;
import compactqa.eval.QaExample;
import compactqa.eval.RunInfo;
import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LexicalRanker;
import compactqa.qa.QaPipeline;
import compactqa.qa.SelectionFit;
import compactqa.train.Recipe;
import compactqa.train.TrainingRun;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qa train selection}: fits how the compressor's scores and paragraph signals pick evidence. */
@Dependent
@Command(name = "selection", mixinStandardHelpOptions = true,
        description = {"Fit the evidence selection (the compressor's logits combined with title and retrieval signals) on the",
                "validation questions the compressor's recipe held out, and write selection.json into the compressor folder."})
public class TrainSelectionCommand implements Callable<Integer> {

    @Inject
    ModelConfig models;

    @Inject
    ProjectConfig project;

    @Inject
    DatasetLoader loader;

    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", required = true, paramLabel = "FILE", description = "The recipe the compressor was trained by.")
    Path recipeFile;

    @Option(names = "--model", paramLabel = "DIR", description = "The compressor (default: the recipe's output folder).")
    Path model;

    @Override
    public Integer call() throws Exception {
        Recipe recipe = Recipe.read(recipeFile);
        if (!recipe.task().equals("compressor")) {
            throw new IllegalArgumentException(recipeFile + " is a " + recipe.task() + " recipe, not a compressor one");
        }
        Path dir = model != null ? model : recipe.output(project.home());
        ModelArtifact artifact = ModelArtifact.load(dir);
        List<SelectionFit.Question> questions = new ArrayList<>();
        LexicalRanker ranker = new LexicalRanker();
        for (TrainingRun.SourceSplit split : new TrainingRun(recipe, project.home(), models.cache(), loader).split()) {
            for (QaExample e : split.validation()) {
                if (e.hasSentenceSupport() && e.paragraphs().size() > 2) {
                    questions.add(question(e, ranker));
                }
            }
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(recipeFile + " holds out no question with labelled supporting sentences");
        }
        EvidenceSelection fitted;
        try (CompressorModel compressor = CompressorModel.open(artifact, models.cache(), models.encoderOptions(), models.linearPrecision())) {
            fitted = SelectionFit.fit(QaPipeline.scorer(compressor), questions, spec.commandLine().getErr());
        }
        RunInfo run = RunInfo.capture("./qa " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), project.home());
        Map<String, Object> report = new LinkedHashMap<>(fitted.report());
        report.put("command", run.command());
        report.put("commit", run.commit());
        report.put("date", run.date());
        report.put("weights_sha256", artifact.manifest().sha256());
        new EvidenceSelection(fitted.weights(), fitted.bias(), report).write(artifact.dir());
        spec.commandLine().getOut().printf("evidence selection of %s on %d validation questions: first-hop paragraph recall@2 %s -> %s, "
                + "log loss %s -> %s; written to %s%n", dir, questions.size(), report.get("first_hop_para_recall_at2_before"),
                report.get("first_hop_para_recall_at2_after"), report.get("log_loss_before"), report.get("log_loss_after"),
                artifact.dir().resolve(EvidenceSelection.FILE));
        return 0;
    }

    /** The question as the service reads it: paragraphs in BM25 order with their scores, support by document. */
    private static SelectionFit.Question question(QaExample e, LexicalRanker ranker) {
        double[] scores = ranker.scores(e.question(), e.paragraphs());
        List<Integer> order = LexicalRanker.order(scores);
        List<Document> documents = order.stream().map(e.paragraphs()::get).toList();
        Map<String, Set<Integer>> gold = new HashMap<>();
        for (Document d : documents) {
            for (QaExample.SupportingFact f : e.supportingFacts()) {
                if (f.title().equals(d.title()) && f.sentence() >= 0 && f.sentence() < d.sentences().size()) {
                    gold.computeIfAbsent(d.id(), id -> new HashSet<>()).add(f.sentence());
                }
            }
        }
        return new SelectionFit.Question(e.question(), documents, order.stream().mapToDouble(i -> scores[i]).toArray(), gold);
    }
}
