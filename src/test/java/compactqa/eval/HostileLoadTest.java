package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class HostileLoadTest {

    @Test
    void cpuTicksAreUserPlusSystemTimeEvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 731 58 0 0 20 0 41 0 100 0 0";
        assertEquals(OptionalLong.of(731 + 58), HostileLoad.parseTicks(stat));
        assertTrue(HostileLoad.parseTicks("garbage").isEmpty());
    }

    @Test
    void theHeavyBodyCarriesAboutTheAskedCharactersInAtMostFiftyDocumentsReadInOneStep() throws Exception {
        String body = HostileLoad.heavyBody("Who?", List.of("Alpha beta gamma. Delta epsilon.", "Zeta eta theta."), 100_000);
        JsonNode json = new ObjectMapper().readTree(body);
        assertEquals(50, json.path("segmentSize").asInt());
        int total = 0;
        for (JsonNode d : json.path("documents")) {
            total += d.path("text").asText().length();
        }
        assertTrue(json.path("documents").size() <= 50 && json.path("documents").size() >= 40, body.substring(0, 200));
        assertTrue(total <= 100_000 && total > 95_000, "characters sent: " + total);
    }

    @Test
    void aPlanOutOfBoundsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HostileLoad.Plan(0, 1, Duration.ofSeconds(1), 10_000, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new HostileLoad.Plan(1, 1, Duration.ofSeconds(1), 10, Duration.ZERO));
    }

    @Test
    void anIdleProcessIsNotBusy() throws Exception {
        // this JVM's own process, asleep apart from the sampling: well under a fifth of a core
        assertTrue(HostileLoad.busySecondsAfter(ProcessHandle.current().pid(), Duration.ofMillis(500)) < 0.5);
    }
}
