package compactqa.model;

/**
 * A task head on top of the encoder: a linear layer with tensors {@code heads.<name>.weight}
 * ({@code [outputs, hidden]}) and {@code heads.<name>.bias}, applied to every token or to the
 * {@code [CLS]} token. Its output in the graph is named {@code name}.
 *
 * @param name    the head's name and output name, for example {@code span} or {@code answer_type}
 * @param pooling which hidden states it reads
 * @param outputs its output size
 */
public record Head(String name, Pooling pooling, int outputs) {

    /** What a head reads. */
    public enum Pooling {
        /** Every token: output {@code [batch, sequence, outputs]}. */
        TOKENS,
        /** The first ({@code [CLS]}) token: output {@code [batch, outputs]}. */
        CLS
    }

    public Head {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("head names are lower-case identifiers, got '" + name + "'");
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("a head needs at least one output");
        }
    }

    /** The name prefix of the head's linear layer in the checkpoint. */
    public String layer() {
        return "heads." + name;
    }
}
