package compactqa.metrics;

import static compactqa.metrics.ScoreAssertions.assertScore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins {@link AnswerMetrics} to cases worked out by hand from the official HotpotQA / SQuAD v1.1
 * code: {@code white_space_fix(remove_articles(remove_punc(lower(s))))} and the token F1.
 */
class AnswerMetricsTest {

    // Each row: input, expected normal form, and the steps lower -> remove_punc -> remove_articles -> split/join.
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # "the eiffel tower!" -> "the eiffel tower" -> " eiffel tower" -> "eiffel tower"
            the Eiffel Tower!        | eiffel tower
            # articles only as whole words: the "the" inside "theater" stays
            theater                  | theater
            # "the theater, the end" -> "the theater the end" -> "  theater   end"
            The Theater, the End     | theater end
            An Apple a day           | apple day
            # punctuation goes before articles: "the-end" -> "theend", "a/an" -> "aan", no article left
            the-end                  | theend
            a/an                     | aan
            U.S.A.                   | usa
            # only articles: "the a an" -> "   " (spaces) -> ""
            The a AN                 | ""
            ""                       | ""
            # digits are word characters, so "a" next to one is not a whole word
            a2 2a                    | a2 2a
            "  x \t y  "             | x y
            """)
    void normalizesLikeTheOfficialScript(String input, String expected) {
        assertEquals(expected, AnswerMetrics.normalize(input.replace("\\t", "\t")));
    }

    @Test
    void lowerCasesBeyondAscii() {
        assertEquals("café", AnswerMetrics.normalize("Café"));
        // Python and Java both apply the final-sigma rule: the last Σ becomes ς.
        assertEquals("σας", AnswerMetrics.normalize("ΣΑΣ"));
    }

    @Test
    void removesOnlyAsciiPunctuation() {
        // The em dash (U+2014), en dash (U+2013), curly quotes and « » are not in string.punctuation.
        assertEquals("x — y", AnswerMetrics.normalize("x — y"));
        assertEquals("rock–paper", AnswerMetrics.normalize("Rock–Paper"));
        assertEquals("“quoted” «guillemets»", AnswerMetrics.normalize("“Quoted” «guillemets»"));
        // The ASCII hyphen and underscore are.
        assertEquals("rockpaper", AnswerMetrics.normalize("Rock-Paper_"));
    }

    @Test
    void collapsesPythonWhiteSpace() {
        // U+00A0, U+2007 and U+202F are not Character.isWhitespace but are str.isspace().
        assertEquals("new york city", AnswerMetrics.normalize("New\u00a0York\u2007City"));
        assertEquals("x y z w", AnswerMetrics.normalize("\u202fx\u0085y\u3000\u2028z\u001fw\u000b"));
        // U+200B (zero width space) is not white space for Python: it stays inside the token.
        assertEquals("x\u200by", AnswerMetrics.normalize("x\u200by"));
    }

    @Test
    void articleBoundariesFollowPythonWordCharacters() {
        // Python's \w on str is [\p{L}\p{N}_]. A combining mark (Mn), a connector such as U+203F and the
        // zero width joiner are not in it, so the article before them is a whole word and is removed.
        assertEquals("\u0301 b", AnswerMetrics.normalize("a\u0301 b"));
        assertEquals("\u203fb", AnswerMetrics.normalize("a\u203fb"));
        assertEquals("\u200dx", AnswerMetrics.normalize("the\u200dx"));
        // A superscript digit (No) is in it, so "a" stays.
        assertEquals("a² ²a", AnswerMetrics.normalize("a² ²a"));
        // Letters of any script are in it, also outside the Basic Multilingual Plane (U+1D400, U+20000).
        assertEquals("theé éa", AnswerMetrics.normalize("theé éa"));
        assertEquals("𝐀an a𝐀 𠀀a a𠀀", AnswerMetrics.normalize("𝐀AN A𝐀 𠀀A A𠀀"));
        // Other characters outside it are not: "an" before an emoji goes.
        assertEquals("😀", AnswerMetrics.normalize("An😀"));
    }

    @Test
    void exactMatchAfterNormalization() {
        // "the Eiffel Tower!" and "Eiffel tower" both normalise to "eiffel tower".
        assertScore(AnswerMetrics.score("the Eiffel Tower!", "Eiffel tower"), 1, 1, 1, 1);
        assertScore(AnswerMetrics.score("Café", "CAFÉ"), 1, 1, 1, 1);
        // "rock-paper" -> "rockpaper".
        assertScore(AnswerMetrics.score("Rock-Paper", "rockpaper"), 1, 1, 1, 1);
    }

    @Test
    void partialOverlap() {
        // pred [shirley, temple, black], gold [shirley, temple]: 2 shared; P = 2/3, R = 2/2 = 1,
        // F1 = 2 * (2/3) * 1 / (2/3 + 1) = (4/3) / (5/3) = 0.8.
        assertScore(AnswerMetrics.score("Shirley Temple Black", "Shirley Temple"), 0, 0.8, 2.0 / 3, 1);
        // The no-break space separates tokens: pred [new, york, city], gold [new, york]: as above.
        assertScore(AnswerMetrics.score("New\u00a0York City", "new york"), 0, 0.8, 2.0 / 3, 1);
        // Token bags ignore order: EM 0 yet F1 1.
        assertScore(AnswerMetrics.score("York New", "new york"), 0, 1, 1, 1);
    }

    @Test
    void repeatedTokensCountAtMostAsOftenAsInBoth() {
        // Counter(x:2, y:1) & Counter(x:1, y:2) = Counter(x:1, y:1): 2 shared of 3 each;
        // P = R = 2/3, F1 = 2/3.
        assertScore(AnswerMetrics.score("x x y", "x y y"), 0, 2.0 / 3, 2.0 / 3, 2.0 / 3);
        // Counter(x:3) & Counter(x:1) = Counter(x:1): P = 1/3, R = 1, F1 = (2/3) / (4/3) = 0.5.
        assertScore(AnswerMetrics.score("x x x", "x"), 0, 0.5, 1.0 / 3, 1);
    }

    @Test
    void noSharedTokenScoresZero() {
        assertScore(AnswerMetrics.score("Paris", "London"), 0, 0, 0, 0);
        // The em dash is kept, so "rock—paper" is one token that matches neither "rock" nor "paper".
        assertScore(AnswerMetrics.score("Rock—Paper", "rock paper"), 0, 0, 0, 0);
    }

    @Test
    void yesNoAnswersGetNoPartialCredit() {
        assertScore(AnswerMetrics.score("yes", "no"), 0, 0, 0, 0);
        // "yes." normalises to "yes": an exact match, so the rule does not apply.
        assertScore(AnswerMetrics.score("yes", "yes."), 1, 1, 1, 1);
        // Gold "no": without the rule, [no, way] vs [no] would give P 1/2, R 1, F1 2/3; the rule makes it 0.
        assertScore(AnswerMetrics.score("no way", "no"), 0, 0, 0, 0);
        // Prediction "yes": without the rule, P 1, R 1/2, F1 2/3.
        assertScore(AnswerMetrics.score("Yes!", "yes sir"), 0, 0, 0, 0);
        // "noanswer" vs "no answer": normal forms differ, so the rule applies to both sides.
        assertScore(AnswerMetrics.score("noanswer", "no answer"), 0, 0, 0, 0);
        assertScore(AnswerMetrics.score("no answer", "noanswer"), 0, 0, 0, 0);
    }

    @Test
    void emptyAnswersFollowTheScript() {
        // Both normalise to "": equal, so EM 1; but there are no tokens, num_same == 0, so F1 0.
        assertScore(AnswerMetrics.score("", ""), 1, 0, 0, 0);
        assertScore(AnswerMetrics.score("The", "!"), 1, 0, 0, 0);
        assertScore(AnswerMetrics.score("", "Paris"), 0, 0, 0, 0);
        assertScore(AnswerMetrics.score("Paris", ""), 0, 0, 0, 0);
    }

    @Test
    void bestTakesTheMaximumOverAliases() {
        assertScore(AnswerMetrics.best("Shirley Temple Black", List.of("Shirley Temple", "Shirley Temple Black")),
                1, 1, 1, 1);
        assertScore(AnswerMetrics.best("Shirley Temple Black", List.of("Shirley Temple")), 0, 0.8, 2.0 / 3, 1);
    }

    @Test
    void bestTakesPrecisionAndRecallFromTheFirstAliasWithTheHighestF1() {
        // pred [temple, black] against
        //   [shirley, temple]:               1 shared, P 1/2, R 1/2, F1 1/2
        //   [black]:                         1 shared, P 1/2, R 1,   F1 (1)/(3/2) = 2/3
        //   [temple, black, shirley, jane]:  2 shared, P 1,   R 1/2, F1 2/3 (tie, later, not taken)
        List<String> golds = List.of("Shirley Temple", "Black", "Temple Black Shirley Jane");
        assertScore(AnswerMetrics.best("Temple Black", golds), 0, 2.0 / 3, 0.5, 1);
    }

    @Test
    void bestMaximisesExactMatchAndF1Separately() {
        // Against "" the prediction "the" is EM 1, F1 0; against "x" it is EM 0, F1 0. Max EM 1, max F1 0.
        assertScore(AnswerMetrics.best("the", List.of("x", "")), 1, 0, 0, 0);
    }

    @Test
    void bestRejectsNoGold() {
        assertThrows(IllegalArgumentException.class, () -> AnswerMetrics.best("Paris", List.of()));
    }

    @Test
    void squadScriptGivesPartialCreditAroundYesAndNo() {
        // SQuAD v1.1 has no yes/no rule: "no way" vs "no" shares 1 token; P = 1/2, R = 1/1, F1 = 2/3
        MatchScore squad = AnswerMetrics.score("no way", "no", AnswerMetrics.Script.SQUAD);
        assertEquals(2.0 / 3, squad.f1(), 1e-12);
        assertEquals(0.0, AnswerMetrics.score("no way", "no", AnswerMetrics.Script.HOTPOTQA).f1());
        assertEquals(2.0 / 3, AnswerMetrics.best("no way", List.of("yes", "no"), AnswerMetrics.Script.SQUAD).f1(), 1e-12);
    }
}
