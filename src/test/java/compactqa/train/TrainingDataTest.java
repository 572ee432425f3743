package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.dataset.QaExample;

class TrainingDataTest {

    private static QaExample answered(String id, String answer) {
        return new QaExample(id, "q " + id + "?", List.of(answer), "comparison", List.of(), List.of(), List.of(), List.of(),
                List.of(), "2wiki");
    }

    @Test
    void repeatsTheRarerOfYesAndNoNextToItself() {
        List<QaExample> examples = new ArrayList<>();
        examples.add(answered("y1", "Yes"));
        for (int i = 0; i < 7; i++) {
            examples.add(answered("n" + i, "no."));
        }
        examples.add(answered("s", "Paris"));
        List<QaExample> balanced = TrainingData.balanceYesNo(examples);
        assertEquals(7, balanced.stream().filter(e -> e.id().equals("y1")).count(), "1 yes against 7 no: 7 copies");
        assertEquals(List.of("y1", "y1"), balanced.subList(0, 2).stream().map(QaExample::id).toList());
        assertEquals(1, balanced.stream().filter(e -> e.id().equals("s")).count(), "spans are left alone");
        assertEquals(1, balanced.stream().filter(e -> e.id().equals("n3")).count());
    }

    @Test
    void leavesSourcesWithoutBothAnswersAlone() {
        List<QaExample> onlyNo = List.of(answered("a", "no"), answered("b", "Paris"));
        assertEquals(onlyNo, TrainingData.balanceYesNo(onlyNo));
        List<QaExample> even = List.of(answered("a", "no"), answered("b", "yes"));
        assertEquals(even, TrainingData.balanceYesNo(even));
    }

    @Test
    void roundsTheRatioToTheNearestWholeNumber() {
        List<QaExample> examples = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            examples.add(answered("y" + i, "yes"));
        }
        for (int i = 0; i < 5; i++) {
            examples.add(answered("n" + i, "no"));
        }
        // 5 / 2 = 2.5 rounds to 3: 6 yes against 5 no
        assertEquals(6, TrainingData.balanceYesNo(examples).stream().filter(e -> e.id().startsWith("y")).count());
    }
}
