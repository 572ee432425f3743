package compactqa.compress;

import java.util.List;
import java.util.regex.Pattern;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;

/**
 * Which linear layers a method compresses: every transformer linear layer still held plainly,
 * except those a pattern keeps (sensitive layers left in fp32, for example
 * {@code .*layer\.5\..*|.*output\.dense}).
 */
record LayerSelection(Pattern keep) {

    static final LayerSelection ALL = new LayerSelection(null);

    static LayerSelection keeping(String regex) {
        return regex == null || regex.isBlank() ? ALL : new LayerSelection(Pattern.compile(regex));
    }

    List<String> layers(Checkpoint checkpoint) {
        return BertNames.linearLayers(checkpoint.config()).stream()
                .filter(name -> checkpoint.has(name + ".weight"))
                .filter(name -> keep == null || !keep.matcher(name).matches())
                .toList();
    }

    String describe() {
        return keep == null ? "" : ", keeping " + keep.pattern();
    }
}
