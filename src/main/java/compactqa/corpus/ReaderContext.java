package compactqa.corpus;

import java.util.List;

/**
 * How passages are laid out as the reader's context: each as {@code Title: text}, joined by a
 * space. Training and answering use this one layout, so the reader sees at test time what it
 * learned on.
 */
public final class ReaderContext {

    private ReaderContext() {
    }

    /** A passage: its title (may be empty) and text. */
    public record Passage(String title, String text) {
    }

    /** The context made of {@code passages}, in order. */
    public static String of(List<Passage> passages) {
        StringBuilder context = new StringBuilder();
        for (Passage p : passages) {
            if (!context.isEmpty()) {
                context.append(' ');
            }
            if (!p.title().isBlank()) {
                context.append(p.title().strip()).append(": ");
            }
            context.append(p.text().strip());
        }
        return context.toString();
    }
}
