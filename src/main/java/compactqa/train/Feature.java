package compactqa.train;

/** One training input with its labels, ready to be batched with others of similar length. */
public interface Feature {

    /** Its length in tokens, for grouping similar lengths into a batch. */
    int length();
}
