package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.dataset.QaExample;

class ComparisonQuestionsTest {

    private static Document lead(String title, String sentence) {
        return Document.fromSentences(title, title, List.of(sentence, "Another sentence follows."), "test");
    }

    private static LeadDescription read(String title, String sentence) {
        return LeadDescription.of(lead(title, sentence)).orElseThrow(() -> new AssertionError("no reading of: " + sentence));
    }

    @Test
    void readsNationalityCategoryAndHeadFromALeadSentence() {
        LeadDescription d = read("Tamra Davis", "Tamra Davis (born January 22, 1962) is an American film director.");
        assertEquals("Tamra Davis", d.subject());
        assertEquals("American", d.nationality());
        assertEquals("film director", d.category());
        assertEquals("director", d.head());
        assertEquals("film directors", d.categoryPlural());
        assertFalse(d.past());

        LeadDescription c = read("Chamani Seneviratne", "Chamani Seneviratne is a Sri Lankan former cricketer who played Tests.");
        assertEquals("Sri Lankan", c.nationality());
        assertEquals("cricketer", c.category());

        LeadDescription plant = read("Duranta", "Duranta is a genus of flowering plants in the verbena family Verbenaceae.");
        assertEquals("flowering plants", plant.category());
        assertEquals("flowering plants", plant.categoryPlural());
        assertEquals("", plant.nationality());

        LeadDescription past = read("Thomas De Quincey (writer)", "Thomas De Quincey was an English essayist, best known for his Confessions.");
        assertEquals("Thomas De Quincey", past.subject());
        assertTrue(past.past());
        assertEquals("an essayist", past.withArticle());
    }

    @Test
    void givesUpWhereTheSentenceHasNotTheShape() {
        assertTrue(LeadDescription.of(lead("Get Low", "Get Low is a 2013 song directed by someone.")).isEmpty(), "a year ends the phrase");
        assertTrue(LeadDescription.of(lead("Gloria Neil", "Gloria Neil is an American television and film actress.")).isEmpty(),
                "a modifier is no head noun");
        assertTrue(LeadDescription.of(lead("Paris", "Paris has many museums.")).isEmpty());
    }

    @Test
    void readsOnlyWhatTheSentenceSaysOfItsOwnSubject() {
        assertTrue(LeadDescription.of(lead("Mary Roe", "Mary Roe is the daughter of Tom Roe, who was a German painter.")).isEmpty(),
                "the first verb's phrase, not a later clause's");
        assertTrue(LeadDescription.of(lead("The Laramie Project", "The play draws on hundreds of interviews and is a drama.")).isEmpty(),
                "a sentence that does not open on the subject");
        LeadDescription both = read("Ann Lee", "Ann Lee is an American actor, singer and film director.");
        assertEquals("actor", both.head());
        assertEquals(3, both.kinds().size(), both.kinds().toString());
        assertFalse(both.unlike(read("Bo Chen", "Bo Chen is a Chinese director.")), "a director is not unlike an actor-director");
        assertFalse(read("Cy Ray", "Cy Ray is an American actress.").unlike(read("Di Ray", "Di Ray is an English comedian.")),
                "near synonyms are one kind");
        assertTrue(read("Ed Ray", "Ed Ray is an English painter.").unlike(read("Fa Ray", "Fa Ray is an English footballer.")));
        assertEquals("", read("Gil Mann", "Gil Mann is a British American actor.").nationality(), "two demonyms, no one nationality");
        assertEquals("", read("Hal Raj", "Hal Raj is a Tamil film actor.").nationality(), "a language names no country");
        assertEquals("film actor", read("Hal Raj", "Hal Raj is a Tamil film actor.").category());
    }

    @Test
    void pluralsFollowEnglishSpelling() {
        assertEquals("actresses", LeadDescription.plural("actress"));
        assertEquals("businessmen", LeadDescription.plural("businessman"));
        assertEquals("companies", LeadDescription.plural("company"));
        assertEquals("days", LeadDescription.plural("day"));
        assertEquals("directors", LeadDescription.plural("director"));
    }

    private static final List<Document> LEADS = List.of(
            lead("Ann Lee", "Ann Lee is an American film director."),
            lead("Bo Chen", "Bo Chen is a Chinese film director."),
            lead("Carl Roth", "Carl Roth was a German painter."),
            lead("Dora Weiss", "Dora Weiss is a German actress."),
            lead("Ed Wood", "Ed Wood was an American actor."),
            lead("Fay Ray", "Fay Ray is an American painter."),
            lead("Gil Mann", "Gil Mann is a German actor."),
            lead("Hanoi River", "Hanoi River is a river in Asia."));

    @Test
    void asksHalfYesHalfNoAndEveryAnswerFollowsFromTheReadings() {
        Map<String, LeadDescription> bySubject = LEADS.stream().map(d -> LeadDescription.of(d).orElseThrow())
                .collect(Collectors.toMap(LeadDescription::subject, Function.identity()));
        List<QaExample> questions = ComparisonQuestions.of(LEADS, 40, new Random(7));
        assertEquals(40, questions.size());
        assertEquals(20, questions.stream().filter(q -> q.answerType() == AnswerType.YES).count());
        Set<String> seen = new HashSet<>();
        for (QaExample q : questions) {
            assertTrue(seen.add(q.question()), "asked twice: " + q.question());
            List<LeadDescription> named = bySubject.values().stream().filter(l -> q.question().contains(l.subject())).toList();
            assertEquals(q.supportingParagraphs().size(), named.size(), q.question());
            for (int i : q.supportingParagraphs()) {
                assertTrue(named.stream().anyMatch(l -> l.paragraph() == q.paragraphs().get(i)), "gold paragraph of a named subject");
            }
            boolean yes = q.answerType() == AnswerType.YES;
            String text = q.question();
            if (text.contains("same nationality") || text.contains("same country")) {
                assertEquals(yes, named.get(0).nationality().equals(named.get(1).nationality()), text);
            } else if (named.size() == 2 && named.stream().allMatch(l -> !l.nationality().isEmpty())
                    && named.stream().anyMatch(l -> text.endsWith(" " + l.nationality() + "?"))) {
                assertEquals(yes, named.get(0).nationality().equals(named.get(1).nationality()), text);
            } else if (named.size() == 2) {
                assertEquals(yes, named.get(0).head().equals(named.get(1).head()), text);
            } else {
                assertEquals(yes, text.endsWith(" " + named.get(0).withArticle() + "?"), text);
            }
        }
    }

    @Test
    void theSameSeedAsksTheSameQuestions() {
        assertEquals(ComparisonQuestions.of(LEADS, 10, new Random(1)), ComparisonQuestions.of(LEADS, 10, new Random(1)));
    }
}
