package compactqa.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitleMentionsTest {

    private final TitleMentions film = new TitleMentions(
            "Kiss and Tell is a 1945 American comedy film starring then 17-year-old Shirley Temple as Corliss Archer.");

    @Test
    void aTitleIsNamedAsAWholePhraseIgnoringCaseAndPunctuation() {
        assertTrue(film.names("Shirley Temple"));
        assertTrue(film.names("corliss archer"));
        assertTrue(film.names("Kiss-and-Tell"));
    }

    @Test
    void aTrailingQualifierIsNotPartOfTheName() {
        assertTrue(film.names("Kiss and Tell (1945 film)"));
    }

    @Test
    void partsOfWordsAndPartialPhrasesDoNotName() {
        assertFalse(film.names("Temple Black"), "only part of the phrase is in the text");
        assertFalse(film.names("Kiss and Telling"));
        assertFalse(film.names("Archer Daniels"));
    }

    @Test
    void veryShortTitlesAreNeverNamed() {
        TitleMentions text = new TitleMentions("It is an AI lab.");
        assertFalse(text.names("AI"));
        assertFalse(text.names("It"));
    }

    @Test
    void theEscapedAmpersandOfHotpotQaTitlesIsAnAmpersand() {
        assertTrue(new TitleMentions("He designed Tunnels & Trolls in 1975.").names("Tunnels &amp; Trolls"));
    }
}
