package compactqa.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
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
 * @param kinds     the kinds of thing the sentence says the subject is: its head noun's and those of
 *                  the roles coordinated with it ("an actor, singer and director"), each as its
 *                  {@link #kind} (synonyms and near synonyms as one), so that a "no" is only said
 *                  of two subjects that share none
 */
record LeadDescription(Document paragraph, String subject, String nationality, String category, String head,
                       boolean plural, boolean past, Set<String> kinds) {

    private static final Pattern FIRST_VERB = Pattern.compile("\\b(is|was|are|were)\\b");
    private static final Pattern ARTICLE = Pattern.compile("\\s+an?\\s+");
    /** What joins coordinated roles: ", ", ", and ", " and ". */
    private static final Pattern COORDINATION = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");
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
            "Ukrainian", "Romanian", "Serbian", "Croatian", "Bulgarian", "Cuban", "Peruvian", "Venezuelan",
            "Icelandic", "Estonian", "Latvian", "Lithuanian", "Slovak", "Slovenian", "Bangladeshi", "Malaysian",
            "Singaporean", "Taiwanese", "Jamaican", "Kenyan", "Ghanaian", "Moroccan", "Algerian", "Tunisian",
            "Lebanese", "Syrian", "Iraqi", "Saudi", "Afghan", "Nepalese", "Georgian", "Armenian", "Azerbaijani", "Kazakh",
            "Belarusian", "Bosnian", "Macedonian", "Albanian", "Uruguayan", "Bolivian", "Ecuadorian", "Paraguayan");
    /**
     * Words that look like demonyms but do not name one country (languages, peoples, a state gone):
     * "a Tamil actor" may be Indian or Sri Lankan, so no nationality is read from them.
     */
    private static final Set<String> NOT_NATIONALITIES = Set.of("Tamil", "Bengali", "Telugu", "Malayalam", "Kannada", "Marathi",
            "Punjabi", "Persian", "Korean", "Soviet", "Kurdish", "Jewish", "Arab", "Basque", "Catalan", "Flemish");
    /** Kinds that one subject is often all of at once, or that name one another: one {@link #kind} each. */
    private static final List<Set<String>> NEAR_SYNONYMS = List.of(
            Set.of("actor", "actress", "comedian", "entertainer", "performer", "dancer", "model", "presenter", "host"),
            Set.of("writer", "author", "novelist", "poet", "essayist", "screenwriter", "playwright", "journalist", "lyricist",
                    "columnist", "dramatist", "critic", "editor", "translator"),
            Set.of("singer", "musician", "songwriter", "singer-songwriter", "rapper", "vocalist", "guitarist", "composer", "pianist",
                    "drummer", "bassist", "violinist", "conductor", "producer", "band"),
            Set.of("director", "filmmaker", "cinematographer", "animator"),
            Set.of("politician", "statesman", "diplomat", "lawyer", "judge", "official", "activist", "leader"),
            Set.of("player", "footballer", "cricketer", "athlete", "sportsman", "coach", "manager"),
            Set.of("scientist", "physicist", "chemist", "mathematician", "professor", "academic", "scholar", "researcher",
                    "historian", "economist", "philosopher", "engineer", "inventor"),
            Set.of("artist", "painter", "sculptor", "illustrator", "photographer", "designer", "architect", "cartoonist"),
            Set.of("businessman", "businesswoman", "entrepreneur", "executive", "investor", "founder"),
            Set.of("village", "town", "city", "community", "municipality", "locality", "settlement", "commune", "hamlet", "suburb",
                    "neighborhood", "district", "county"),
            Set.of("film", "movie", "documentary", "series", "show", "sitcom", "drama"),
            Set.of("river", "tributary", "stream", "creek"));
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
        String subject = subject(paragraph.title());
        // the first verb, and the sentence must open on the subject: "X is the daughter of Y, who was a
        // painter" says nothing of what X is, and a paragraph from an article's middle is about something else
        Matcher verb = FIRST_VERB.matcher(sentence);
        if (subject.isEmpty() || !verb.find() || verb.start() > MAX_SUBJECT_OFFSET || !opensOn(sentence, subject)
                || verb.group(1).equals("are") || verb.group(1).equals("were")) {
            return Optional.empty();
        }
        Matcher article = ARTICLE.matcher(sentence).region(verb.end(), sentence.length());
        if (!article.lookingAt()) {
            return Optional.empty();
        }
        boolean past = verb.group(1).equals("was");
        String rest = sentence.substring(article.end());
        List<String> words = words(cut(rest));
        boolean plural = false;
        if (words.size() == 1 && COLLECTIVE.contains(words.get(0))) {
            Matcher of = Pattern.compile(Pattern.quote(words.get(0)) + "\\s+of\\s+(?:the\\s+)?(.*)").matcher(rest);
            if (!of.lookingAt()) {
                return Optional.empty();
            }
            rest = of.group(1);
            words = words(cut(rest));
            plural = !words.isEmpty() && words.get(words.size() - 1).endsWith("s"); // "breed of dog" is singular
        }
        dropAdjectives(words);
        String nationality = "";
        String joined = String.join(" ", words);
        for (String n : NATIONALITIES) {
            if (joined.equals(n) || joined.startsWith(n + " ")) {
                nationality = n;
                words = new ArrayList<>(words.subList(n.split(" ").length, words.size()));
                break;
            }
        }
        // "a British American actor": two demonyms, no one nationality to compare
        if (!words.isEmpty() && (NATIONALITIES.contains(words.get(0)) || NOT_NATIONALITIES.contains(words.get(0)))) {
            nationality = "";
            words = new ArrayList<>(words.subList(1, words.size()));
        }
        dropAdjectives(words); // "a Sri Lankan former cricketer"
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
        if (!isHead(head)) {
            return Optional.empty();
        }
        Set<String> kinds = new LinkedHashSet<>();
        kinds.add(kind(plural ? head : plural(head)));
        coordinated(rest).forEach(role -> kinds.add(kind(plural(role))));
        return Optional.of(new LeadDescription(paragraph, subject, nationality, String.join(" ", category), head, plural, past,
                Set.copyOf(kinds)));
    }

    /**
     * The kind a plural noun names: the first of its near synonyms' group ("actresses" and
     * "comedians" are both {@code actor}), else the noun itself.
     */
    static String kind(String pluralNoun) {
        for (Set<String> group : NEAR_SYNONYMS) {
            for (String member : group) {
                if (plural(member).equals(pluralNoun)) {
                    return group.stream().sorted().findFirst().orElseThrow();
                }
            }
        }
        return pluralNoun;
    }

    /** Whether the two subjects are said to be of no kind in common. */
    boolean unlike(LeadDescription other) {
        return kinds.stream().noneMatch(other.kinds::contains);
    }

    /** The roles coordinated after the first phrase of {@code rest}: "actor, singer and director" gives singer, director. */
    private static List<String> coordinated(String rest) {
        List<String> roles = new ArrayList<>();
        Matcher stop = STOP.matcher(rest);
        int at = stop.find() ? stop.start() : rest.length();
        while (roles.size() < 3 && at < rest.length()) {
            Matcher join = COORDINATION.matcher(rest).region(at, rest.length());
            if (!join.lookingAt()) {
                break;
            }
            String next = rest.substring(join.end());
            Matcher end = STOP.matcher(next);
            int stopAt = end.find() ? end.start() : next.length();
            List<String> ws = words(next.substring(0, stopAt));
            if (ws.isEmpty() || ws.size() > MAX_CATEGORY_WORDS || !ws.stream().allMatch(w -> HEAD.matcher(w).matches())
                    || !isHead(ws.get(ws.size() - 1))) {
                break;
            }
            roles.add(ws.get(ws.size() - 1));
            at = join.end() + stopAt;
        }
        return roles;
    }

    private static boolean isHead(String word) {
        return HEAD.matcher(word).matches() && !MODIFIERS.contains(word) && !word.endsWith("ed")
                && (!word.endsWith("ing") || ING_NOUNS.contains(word));
    }

    private static boolean opensOn(String sentence, String subject) {
        String[] words = subject.split("\\s+");
        String first = words[0].equalsIgnoreCase("the") && words.length > 1 ? words[1] : words[0];
        return sentence.regionMatches(true, 0, first, 0, first.length()) || sentence.regionMatches(true, 0, "The " + first, 0,
                first.length() + 4);
    }

    private static void dropAdjectives(List<String> words) {
        while (!words.isEmpty() && ADJECTIVES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
        }
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
