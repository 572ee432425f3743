package compactqa.index;

import java.nio.file.Path;

/**
 * Child process of {@link InterruptedBuildIT}: starts a build of an endless corpus into the store at
 * {@code args[0]}, printing its progress, until it is killed.
 */
public final class KilledBuildMain {

    private KilledBuildMain() {
    }

    public static void main(String[] args) throws Exception {
        // a small RAM buffer makes Lucene flush segments to the new generation before the kill
        new IndexBuilder(1).build(new IndexStore(Path.of(args[0])), IndexTestCorpus.synthetic(Integer.MAX_VALUE),
                AnalyzerChoice.KSTEM, (indexed, duplicates) -> {
                    System.out.println("indexed " + indexed);
                    System.out.flush();
                });
    }
}
