package compactqa.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MethodTest {

    @Test
    void theNamesListEveryMethodInOrder() {
        assertEquals(Arrays.stream(Method.values()).map(Method::label).collect(Collectors.joining(", ")), Method.NAMES);
    }

    @Test
    void labelsParseIgnoringCaseAndSpace() {
        assertEquals(Method.SVD_AA, Method.of(" SVD-aa "));
        for (Method m : Method.values()) {
            assertEquals(m, Method.of(m.label()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Method.of("zip"));
        assertTrue(e.getMessage().contains(Method.NAMES), e.getMessage());
    }

    @Test
    void onlyTheActivationAwareMethodsCalibrate() {
        assertTrue(Method.SVD_AA.calibrates() && Method.MPO.calibrates() && Method.MPO.probes());
        assertEquals(2, Arrays.stream(Method.values()).filter(Method::calibrates).count());
    }
}
