package compactqa.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the index lives and how it is built and searched ({@code compactqa.index.*}). Relative
 * defaults hang off {@code compactqa.home}, the project folder, which the {@code ./qa} launcher sets.
 */
@ConfigMapping(prefix = "compactqa.index")
public interface IndexConfig {

    /** The index store's root folder (generations and the CURRENT pointer). */
    @WithDefault("${compactqa.home:.}/index/lucene")
    Path dir();

    /**
     * The analyzer new builds use; an existing index keeps the one it was built with. The default,
     * with the scoring defaults below, had the best mean recall-both@{2,5,10,20} of 24 settings on
     * the training sets ({@code eval/results/retrieval-train-sweep.json}).
     */
    @WithDefault("kstem")
    String analyzer();

    /**
     * What a first start indexes when there is no index yet: the first of these that exists (the
     * shared data sets where present, else the demo corpus shipped in {@code index/demo}).
     */
    @WithDefault("${compactqa.home:.}/../shared/data,${compactqa.home:.}/index/demo")
    List<Path> defaultCorpus();

    /**
     * Threads a build embeds and indexes on. One keeps builds repeatable (the same documents in the
     * same order, so equal-scoring hits rank alike); more build faster where vectors are indexed
     * (each thread builds its own segments' graphs), for large corpora such as the scale benchmark's.
     */
    @WithDefault("1")
    int buildThreads();

    /** How often a search checks whether another process published a new generation or added documents. */
    @WithDefault("1s")
    Duration refreshInterval();

    /** Scoring. */
    Search search();

    interface Search {
        /** Weight of title matches relative to text matches. */
        @WithDefault("0.5")
        double titleBoost();

        /** BM25 k1. */
        @WithDefault("0.9")
        float k1();

        /** BM25 b. */
        @WithDefault("0.4")
        float b();

        /** bm25, dense or hybrid; dense and hybrid need {@code compactqa.index.dense.encoder} and an index built with it. */
        @WithDefault("bm25")
        Retrieval retrieval();

        /** Hybrid: the rank offset of reciprocal rank fusion. */
        @WithDefault("60")
        int rrfC();

        /** Hybrid: the weight of the dense ranking, BM25's weighing 1. */
        @WithDefault("1.0")
        double denseWeight();
    }

    /** Paragraph vectors. */
    Dense dense();

    interface Dense {
        /**
         * The encoder that embeds paragraphs when the index is built and queries when it is searched
         * (bge-small-en-v1.5 or all-minilm-l6-v2; hashing-384 for generated vectors at scale, see
         * {@link HashingEmbedder}); unset, the index holds no vectors.
         */
        Optional<String> encoder();

        /** Word pieces of a paragraph the encoder reads. */
        @WithDefault("256")
        int tokens();

        /** Vectors embedded before, by content, reused by rebuilds; unset, none are kept. */
        Optional<Path> vectorCache();
    }

    default SearchSettings searchSettings() {
        return new SearchSettings(search().titleBoost(), search().k1(), search().b(), search().retrieval(),
                new HybridRanking(search().rrfC(), search().denseWeight()));
    }
}
