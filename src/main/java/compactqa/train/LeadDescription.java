package compactqa.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import compactqa.corpus.Document;

/**
 * What a Wikipedia lead sentence says its subject is: "Tamra Davis (born 1962) is an American film
 * director." gives nationality {@code American}, category {@code film director}, head noun
 * {@code director}; "Duranta is a genus of flowering plants ..." gives the category
 * {@code flowering plants}, already plural. HotpotQA's yes / no questions ask exactly this of two
 * paragraphs ("Are Tamra Davis and Max Linder both directors?", "Were A and B of the same
 * nationality?"), and {@link ComparisonQuestions} builds such questions from these readings.
 *
 * <p>A rule-based reading, not a parser: it gives up (empty) rather than guess where the sentence
 * does not have the "X is/was a(n) ..." shape or the phrase is long, numeric or ends on a modifier.
 *
 * @param paragraph the paragraph whose first sentence was read
 * @param subject   its title without a trailing disambiguation in brackets
 * @param nationality the leading demonym ({@code American}, {@code Sri Lankan}), or empty
 * @param category  the noun phrase after the article and the demonym, singular unless {@code plural}
 * @param head      the category's last word
 * @param plural    whether the category is plural already ("genus of flowering plants")
 * @param past      whether the sentence says "was" (the subject is dead or gone)
 */
record LeadDescription(Document paragraph, String subject, String nationality, String category, String head,
                       boolean plural, boolean past) {

    private static final Pattern IS_A = Pattern.compile("\\b(is|was)\\s+(?:an?)\\s+(.*)");
    private static final Pattern STOP = Pattern.compile(",|\\.|;|:|\\s(?:who|which|that|from|in|of|known|best|based|located|founded"
            + "|born|and|with|for|by|whose|where|active|on|at|to|or|as|between|since|during|under|native|endemic|found)\\s");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern HEAD = Pattern.compile("[a-z][a-z-]{2,}");
    /** Nouns that name a kind of thing by what follows "of": the category is that. */
    private static final Set<String> COLLECTIVE = Set.of("genus", "species", "type", "kind", "family", "breed", "variety",
            "subspecies");
    private static final Set<String> ADJECTIVES = Set.of("former", "retired", "professional", "well-known", "famous", "prolific",
            "notable", "leading", "popular", "renowned", "small", "large", "major", "minor");
    /** Words that end a phrase cut at "and" ("an American television and film actress") without being its noun. */
    private static final Set<String> MODIFIERS = Set.of("television", "film", "stage", "voice", "radio", "record", "studio",
            "theatre", "theater", "rock", "pop", "jazz", "folk", "country", "music", "soul", "classical", "significant",
            "independent", "international", "national", "local", "public", "private", "former", "professional", "written",
            "known", "made", "set", "one", "part", "number", "member", "bit", "lot");
    /** Demonyms, two-word ones first so that "South Korean" is read before "South". */
    static final List<String> NATIONALITIES = List.of("Sri Lankan", "South Korean", "North Korean", "South African",
            "New Zealand", "Hong Kong", "Puerto Rican", "American", "British", "English", "French", "German", "Italian",
            "Canadian", "Australian", "Japanese", "Chinese", "Indian", "Irish", "Scottish", "Welsh", "Spanish", "Mexican",
            "Russian", "Swedish", "Dutch", "Norwegian", "Danish", "Finnish", "Polish", "Czech", "Hungarian", "Austrian", "Swiss",
            "Belgian", "Portuguese", "Brazilian", "Argentine", "Argentinian", "Chilean", "Colombian", "Greek", "Turkish",
            "Iranian", "Israeli", "Egyptian", "Nigerian", "Filipino", "Indonesian", "Thai", "Vietnamese", "Pakistani",
            "Ukrainian", "Romanian", "Serbian", "Croatian", "Bulgarian", "Soviet", "Cuban", "Peruvian", "Venezuelan",
            "Icelandic", "Estonian", "Latvian", "Lithuanian", "Slovak", "Slovenian", "Bangladeshi", "Malaysian",
            "Singaporean", "Taiwanese", "Korean", "Jamaican", "Kenyan", "Ghanaian", "Moroccan", "Algerian", "Tunisian",
            "Lebanese", "Syrian", "Iraqi", "Saudi", "Afghan", "Nepalese", "Georgian", "Armenian", "Azerbaijani", "Kazakh",
            "Belarusian", "Bosnian", "Macedonian", "Albanian", "Uruguayan", "Bolivian", "Ecuadorian", "Paraguayan",
            "Tamil", "Bengali", "Telugu", "Malayalam", "Kannada", "Marathi", "Punjabi", "Persian");
    /** Nouns in -ing; other -ing words end a phrase as verbs do ("a company specializing in"). */
    private static final Set<String> ING_NOUNS = Set.of("building", "king", "painting", "recording", "string", "wing", "ring");
    private static final int MAX_SUBJECT_OFFSET = 150;
    private static final int MAX_CATEGORY_WORDS = 3;

    /** The reading of {@code paragraph}'s first sentence, or empty where it has not the shape. */
    static Optional<LeadDescription> of(Document paragraph) {
        if (paragraph.sentences().isEmpty()) {
            return Optional.empty();
        }
        String sentence = paragraph.sentences().get(0).text().strip();
        for (int i = 0; i < 2; i++) {
            sentence = PARENTHESES.matcher(sentence).replaceAll("");
        }
        Matcher m = IS_A.matcher(sentence);
        if (!m.find() || m.start() > MAX_SUBJECT_OFFSET) {
            return Optional.empty();
        }
        boolean past = m.group(1).equals("was");
        String rest = m.group(2);
        List<String> words = words(cut(rest));
        boolean plural = false;
        if (words.size() == 1 && COLLECTIVE.contains(words.get(0))) {
            Matcher of = Pattern.compile(Pattern.quote(words.get(0)) + "\\s+of\\s+(?:the\\s+)?(.*)").matcher(rest);
            if (!of.lookingAt()) {
                return Optional.empty();
            }
            words = words(cut(of.group(1)));
            plural = !words.isEmpty() && words.get(words.size() - 1).endsWith("s"); // "breed of dog" is singular
        }
        while (!words.isEmpty() && ADJECTIVES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
        }
        String nationality = "";
        String joined = String.join(" ", words);
        for (String n : NATIONALITIES) {
            if (joined.equals(n) || joined.startsWith(n + " ")) {
                nationality = n;
                words = words.subList(n.split(" ").length, words.size());
                break;
            }
        }
        // "an American-born British actor": the second demonym is not part of the category
        if (!words.isEmpty() && NATIONALITIES.contains(words.get(0))) {
            words = words.subList(1, words.size());
        }
        words = new ArrayList<>(words);
        while (!words.isEmpty() && ADJECTIVES.contains(words.get(0).toLowerCase(Locale.ROOT))) { // "a Sri Lankan former cricketer"
            words.remove(0);
        }
        // the phrase ends before a participle or a year ("a 1950 film directed by")
        List<String> category = new ArrayList<>();
        for (String w : words) {
            if (w.chars().anyMatch(Character::isDigit) || (w.endsWith("ed") && !category.isEmpty())) {
                break;
            }
            category.add(w);
        }
        if (category.isEmpty() || category.size() > MAX_CATEGORY_WORDS) {
            return Optional.empty();
        }
        String head = category.get(category.size() - 1);
        if (!HEAD.matcher(head).matches() || MODIFIERS.contains(head) || head.endsWith("ed")
                || (head.endsWith("ing") && !ING_NOUNS.contains(head))) {
            return Optional.empty();
        }
        return Optional.of(new LeadDescription(paragraph, subject(paragraph.title()), nationality, String.join(" ", category),
                head, plural, past));
    }

    /** The category in the plural: "film directors", "flowering plants". */
    String categoryPlural() {
        if (plural) {
            return category;
        }
        int space = category.lastIndexOf(' ');
        return category.substring(0, space + 1) + plural(head);
    }

    /** The head noun in the plural: "directors". */
    String headPlural() {
        return plural ? head : plural(head);
    }

    /** The category with its indefinite article, singular: "a film director", "an actor". */
    String withArticle() {
        return plural ? category : ("aeiou".indexOf(Character.toLowerCase(category.charAt(0))) >= 0 ? "an " : "a ") + category;
    }

    static String plural(String noun) {
        if (noun.endsWith("man")) {
            return noun.substring(0, noun.length() - 3) + "men";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("z") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        return noun + "s";
    }

    private static String cut(String phrase) {
        Matcher stop = STOP.matcher(phrase);
        return stop.find() ? phrase.substring(0, stop.start()) : phrase;
    }

    private static List<String> words(String phrase) {
        return new ArrayList<>(Arrays.stream(phrase.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
    }

    private static String subject(String title) {
        return title.replaceFirst("\\s*\\([^()]*\\)$", "").strip();
    }
}
