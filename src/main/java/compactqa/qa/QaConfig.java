package compactqa.qa;

import java.util.Optional;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The question answering pipeline's settings ({@code compactqa.qa.*}); requests may override some. */
@ConfigMapping(prefix = "compactqa.qa")
public interface QaConfig {

    /** The trained reader's folder. */
    @WithDefault("${compactqa.home:.}/models/reader")
    Path reader();

    /** The trained compressor's folder. */
    @WithDefault("${compactqa.home:.}/models/compressor")
    Path compressor();

    /**
     * Whether {@code qa serve} refuses to start when the models cannot be loaded (naming the file at
     * fault), rather than serving search alone.
     */
    @WithDefault("true")
    boolean requireModels();

    /** Documents retrieved per question. */
    @WithDefault("10")
    int k();

    /**
     * Documents read per step of active compression. Unset, the compressor's {@code loop.json} (chosen
     * on its validation questions by {@code qa train loop}) decides, else two.
     */
    Optional<Integer> segmentSize();

    /**
     * Retrievals per question from the index, the first included: with 2, after a step that kept
     * evidence without ending the reading, the index is searched again with the question and that
     * evidence, and what it finds is read next ({@link SecondHop}: the paragraphs whose titles it
     * names). Two by default: on the training questions the second hop raised the recall of both gold
     * paragraphs in the top 10 from 0.45 to 0.75 with BM25 ({@code eval/results/retrieval-train-hops.json}).
     * Questions that bring their own documents are not searched at all.
     */
    @WithDefault("2")
    int hops();

    /**
     * Most steps before the reader answers from whatever evidence there is. Unset, the compressor's
     * {@code loop.json} decides, else five (all ten default documents at two per step).
     */
    Optional<Integer> maxSteps();

    /** Most word-piece tokens of evidence carried between steps and given to the reader. */
    @WithDefault("200")
    int budgetTokens();

    /**
     * A sentence enters the evidence if its probability of being needed reaches this. Unset, the
     * compressor's {@code loop.json} decides, else one half.
     */
    Optional<Double> sentenceThreshold();

    /**
     * An evidence sentence is named as supporting the answer if its probability reaches this. Unset,
     * the compressor's {@code loop.json} decides, else the sentence threshold (all the evidence).
     */
    Optional<Double> supportThreshold();

    /**
     * Reading stops early once the sufficiency probability reaches this (1 never stops early). Unset,
     * the compressor's {@code loop.json} decides, else one half.
     */
    Optional<Double> sufficiencyThreshold();

    /** Whether the merged evidence is checked for sufficiency before the next segment is read. */
    @WithDefault("true")
    boolean checkEvidence();

    /**
     * Answers whose (calibrated) confidence is below this are withheld: the type is {@code none} and
     * the reader's best guess goes to the trace. Zero, the default, always answers, as benchmarks expect.
     */
    @WithDefault("0")
    double minConfidence();

    /** Longest time a request may take, queueing included. */
    @WithDefault("10s")
    Duration deadline();

    /** Questions answered at once; more wait in the queue. */
    @WithDefault("2")
    int workers();

    /** Questions that may wait; beyond that, requests are refused with 503. */
    @WithDefault("16")
    int queue();

    /**
     * A question whose documents hold more than this many tokens (estimated before any work, see
     * {@link QaRequest#estimatedTokens}) is heavy: at most {@link #heavyWorkers()} heavy questions
     * run or wait at once, and more are refused with 503, so that a few costly callers cannot take
     * every worker from ordinary questions. The default is about four times an ordinary question
     * (ten retrieved paragraphs).
     */
    @WithDefault("8000")
    int heavyTokens();

    /** Heavy questions running or waiting at once; the other workers stay free for ordinary ones. */
    @WithDefault("1")
    int heavyWorkers();
}
