package compactqa.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample;

/**
 * Yes / no questions made from the lead sentences of a source's training paragraphs, in the shapes
 * HotpotQA asks them: "Are A and B both directors?", "Were A and B of the same nationality?", "Is A
 * an American actor?". The multi-hop training files hold about 200 yes / no questions, too few for
 * the answer-type head to learn to compare two paragraphs (it stayed at chance); Wikipedia leads say
 * what their subject is in a fixed shape ({@link LeadDescription}), so the answer to such a question
 * follows from the two readings, and as many questions as wanted can be asked, half yes, half no.
 *
 * <p>Labels are as good as the readings: pairs whose nationalities are different words for what may
 * be one country (English / British, Russian / Soviet) are not asked about.
 */
final class ComparisonQuestions {

    static final String DATASET = "synthetic-comparison";
    private static final int ATTEMPTS_PER_QUESTION = 50;
    private static final List<Set<String>> AMBIGUOUS_NATIONALITIES = List.of(
            Set.of("English", "British", "Scottish", "Welsh", "Irish"), Set.of("American", "Puerto Rican"),
            Set.of("Argentine", "Argentinian"), Set.of("Chinese", "Taiwanese", "Hong Kong"),
            Set.of("Russian", "Ukrainian", "Belarusian", "Georgian", "Armenian", "Azerbaijani", "Kazakh", "Estonian", "Latvian",
                    "Lithuanian"),
            Set.of("Serbian", "Croatian", "Bosnian", "Macedonian", "Slovenian"), Set.of("Czech", "Slovak"));

    private enum Kind { CATEGORY, NATIONALITY, SINGLE }

    private ComparisonQuestions() {
    }

    /**
     * About {@code count} questions over {@code paragraphs} (fewer where the readings run out of
     * distinct pairs), alternately yes and no, drawn with {@code random}.
     */
    static List<QaExample> of(List<Document> paragraphs, int count, Random random) {
        Map<String, LeadDescription> bySubject = new LinkedHashMap<>();
        for (Document d : paragraphs) {
            LeadDescription.of(d).ifPresent(l -> bySubject.putIfAbsent(l.subject(), l));
        }
        List<LeadDescription> leads = new ArrayList<>(bySubject.values());
        List<QaExample> out = new ArrayList<>();
        if (leads.size() < 3) {
            return out;
        }
        Map<String, List<LeadDescription>> byHead = new LinkedHashMap<>();
        Map<String, List<LeadDescription>> byNationality = new LinkedHashMap<>();
        for (LeadDescription l : leads) {
            byHead.computeIfAbsent(l.headPlural(), k -> new ArrayList<>()).add(l);
            if (!l.nationality().isEmpty()) {
                byNationality.computeIfAbsent(l.nationality(), k -> new ArrayList<>()).add(l);
            }
        }
        List<LeadDescription> nationals = leads.stream().filter(l -> !l.nationality().isEmpty()).toList();
        Set<String> asked = new HashSet<>();
        for (int attempt = 0; out.size() < count && attempt < count * ATTEMPTS_PER_QUESTION; ) {
            boolean yes = out.size() % 2 == 0;
            double draw = random.nextDouble();
            Kind kind = draw < 0.45 || nationals.size() < 3 && draw < 0.8 ? Kind.CATEGORY : draw < 0.8 ? Kind.NATIONALITY : Kind.SINGLE;
            // the kind is kept until a question of it is found: retrying with another kind would tie the kind to the answer
            for (int tries = 0; tries < ATTEMPTS_PER_QUESTION; tries++, attempt++) {
                Optional<QaExample> q = switch (kind) {
                    case CATEGORY -> category(leads, byHead, yes, random, out.size());
                    case NATIONALITY -> nationality(nationals, byNationality, yes, random, out.size());
                    case SINGLE -> single(leads, yes, random, out.size());
                };
                if (q.isPresent() && asked.add(q.get().question())) {
                    out.add(q.get());
                    break;
                }
            }
        }
        return out;
    }

    private static Optional<QaExample> category(List<LeadDescription> leads, Map<String, List<LeadDescription>> byHead,
                                                boolean yes, Random random, int n) {
        LeadDescription a = pick(leads, random);
        // most "no" pairs are of one kind (two people, two places), as HotpotQA's are: not told apart by kind alone
        boolean anyKind = random.nextDouble() < 0.3;
        Optional<LeadDescription> b = yes ? other(byHead.get(a.headPlural()), a, random)
                : otherWhere(leads, a, random, l -> l.unlike(a) && (anyKind || l.nationality().isEmpty() == a.nationality().isEmpty()));
        if (b.isEmpty()) {
            return Optional.empty();
        }
        LeadDescription named = random.nextBoolean() ? a : b.get();
        // the whole category only where it is true of both (or, for a "no", of neither's kind): else the head noun
        boolean whole = (!yes || a.category().equals(b.get().category())) && random.nextBoolean();
        String what = whole ? named.categoryPlural() : named.headPlural();
        String verb = a.past() || b.get().past() ? "Were" : "Are";
        String[] pair = ordered(a, b.get(), random);
        String question = switch (random.nextInt(3)) {
            case 0 -> verb + " " + pair[0] + " and " + pair[1] + " both " + what + "?";
            case 1 -> verb + " both " + pair[0] + " and " + pair[1] + " " + what + "?";
            default -> verb + " " + pair[0] + " and " + pair[1] + " " + what + "?";
        };
        return Optional.of(example(n, question, yes, List.of(a, b.get()), leads, random));
    }

    private static Optional<QaExample> nationality(List<LeadDescription> nationals, Map<String, List<LeadDescription>> byNationality,
                                                   boolean yes, Random random, int n) {
        LeadDescription a = pick(nationals, random);
        Optional<LeadDescription> b = yes ? other(byNationality.get(a.nationality()), a, random)
                : otherWhere(nationals, a, random, l -> !l.nationality().equals(a.nationality()) && !ambiguous(a, l));
        if (b.isEmpty()) {
            return Optional.empty();
        }
        String[] pair = ordered(a, b.get(), random);
        boolean past = a.past() || b.get().past();
        String question = switch (random.nextInt(6)) {
            case 0 -> (past ? "Were " : "Are ") + pair[0] + " and " + pair[1] + " of the same nationality?";
            case 1 -> (past ? "Were " : "Are ") + pair[0] + " and " + pair[1] + " from the same country?";
            case 2 -> (past ? "Did " : "Do ") + pair[0] + " and " + pair[1] + " have the same nationality?";
            case 3 -> "Did " + pair[0] + " and " + pair[1] + " originate from the same country?";
            case 4 -> (past ? "Were " : "Are ") + pair[0] + " and " + pair[1] + " both " + a.nationality() + "?";
            default -> (past ? "Were " : "Are ") + "both " + pair[0] + " and " + pair[1] + " " + a.nationality() + "?";
        };
        return Optional.of(example(n, question, yes, List.of(a, b.get()), nationals, random));
    }

    private static Optional<QaExample> single(List<LeadDescription> leads, boolean yes, Random random, int n) {
        LeadDescription a = pick(leads, random);
        LeadDescription said = a;
        if (!yes) {
            Optional<LeadDescription> b = otherWhere(leads, a, random, l -> l.unlike(a));
            if (b.isEmpty()) {
                return Optional.empty();
            }
            said = b.get();
        }
        String question = (a.past() ? "Was " : "Is ") + a.subject() + " " + said.withArticle() + "?";
        return Optional.of(example(n, question, yes, List.of(a), leads, random));
    }

    /** The question over its gold paragraphs, in random order, and half the time one distractor lead among them. */
    private static QaExample example(int n, String question, boolean yes, List<LeadDescription> gold, List<LeadDescription> leads,
                                     Random random) {
        List<Document> paragraphs = new ArrayList<>(gold.stream().map(LeadDescription::paragraph).toList());
        Collections.shuffle(paragraphs, random);
        if (random.nextBoolean()) {
            LeadDescription d = pick(leads, random);
            if (!gold.contains(d)) {
                paragraphs.add(random.nextInt(paragraphs.size() + 1), d.paragraph());
            }
        }
        List<Integer> supporting = new ArrayList<>();
        List<QaExample.SupportingFact> facts = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            Document p = paragraphs.get(i);
            if (gold.stream().anyMatch(g -> g.paragraph() == p)) {
                supporting.add(i);
                facts.add(new QaExample.SupportingFact(p.title(), 0));
            }
        }
        return new QaExample("comparison-" + n, question, List.of(yes ? "yes" : "no"), "comparison", paragraphs, supporting,
                gold.stream().map(g -> g.paragraph().title()).toList(), facts, List.of(), DATASET);
    }

    private static boolean ambiguous(LeadDescription a, LeadDescription b) {
        return AMBIGUOUS_NATIONALITIES.stream().anyMatch(g -> g.contains(a.nationality()) && g.contains(b.nationality()));
    }

    private static String[] ordered(LeadDescription a, LeadDescription b, Random random) {
        return random.nextBoolean() ? new String[] {a.subject(), b.subject()} : new String[] {b.subject(), a.subject()};
    }

    private static LeadDescription pick(List<LeadDescription> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static Optional<LeadDescription> other(List<LeadDescription> group, LeadDescription a, Random random) {
        return otherWhere(group, a, random, l -> true);
    }

    private static Optional<LeadDescription> otherWhere(List<LeadDescription> from, LeadDescription a, Random random,
                                                        java.util.function.Predicate<LeadDescription> ok) {
        for (int tries = 0; tries < 20; tries++) {
            LeadDescription b = pick(from, random);
            if (!b.subject().equals(a.subject()) && ok.test(b)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
