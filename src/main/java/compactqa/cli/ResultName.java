package compactqa.cli;

import java.nio.file.Path;

/** Names of result files: what a name may hold, and the names commands give by default. */
final class ResultName {

    private ResultName() {
    }

    /** {@code name}, if it holds only letters, digits, '.', '_' and '-' (at most 80), as a file name allows everywhere. */
    static String checked(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,80}")) {
            throw new IllegalArgumentException("--name may use letters, digits, '.', '_' and '-' only (at most 80), got " + name);
        }
        return name;
    }

    /**
     * A result name for a data set file: its folder and a contraction of its name
     * ({@code hotpotqa/dev-500.ircot.jsonl.gz} gives {@code hotpotqa-dev500-ircot}), so that what the
     * project commits is never named like the data it must not hold.
     */
    static String of(Path dataset) {
        String stem = dataset.getFileName().toString().replaceAll("\\.(jsonl?|json)(\\.gz)?$", "").replace("-", "").replace('.', '-');
        Path parent = dataset.toAbsolutePath().normalize().getParent();
        String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "");
        return folder.isEmpty() ? stem : folder + "-" + stem;
    }

    /** {@code <model folder>-<method>-<method>...}: '-' between the methods, as a result name allows no '+'. */
    static String of(Path model, String methods) {
        return model.toAbsolutePath().normalize().getFileName() + "-" + methods;
    }
}
