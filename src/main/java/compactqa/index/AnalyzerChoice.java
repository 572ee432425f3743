package compactqa.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers an index can be built with. The choice is recorded in the index's commit data, so
 * queries are always analyzed the way the index was; changing it needs a rebuild. The default was
 * chosen by measured recall (see {@code eval/README.md}).
 */
public enum AnalyzerChoice {

    /** Unicode word segmentation and lower case; no stemming, no stop words. */
    STANDARD,
    /** Lucene's English analyzer: possessives, lower case, English stop words, Porter stemming. */
    ENGLISH,
    /**
     * Like {@link #ENGLISH} with the gentler Krovetz stemmer (fewer conflations of unrelated words)
     * and accents folded to ASCII, so "Pokemon" finds "Pokémon".
     */
    KSTEM;

    /** A new analyzer of this kind; the caller closes it. */
    public Analyzer create() {
        return switch (this) {
            case STANDARD -> new StandardAnalyzer();
            case ENGLISH -> new EnglishAnalyzer();
            case KSTEM -> kstem();
        };
    }

    private static Analyzer kstem() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                result = new KStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The name used in configuration, commit data and JSON. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice named {@code id}, case-insensitively. */
    public static AnalyzerChoice of(String id) {
        for (AnalyzerChoice choice : values()) {
            if (choice.id().equalsIgnoreCase(id.strip())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown analyzer '" + id + "'; known: "
                + Arrays.stream(values()).map(AnalyzerChoice::id).collect(Collectors.joining(", ")));
    }
}
