package dev.provisioner.inventory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.provisioner.testsupport.FuzzBounds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the inventory loader and validator (docs/reliability.md). Any text gives a
 * valid {@link Inventory} or an {@link InventoryException} whose every problem names the source, within
 * the time limit; anything else (another exception, a hang) is a bug. {@code mvn verify} replays the
 * committed inputs in {@code InventoryFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class InventoryFuzzTest {
    private static final Path NOWHERE = Path.of("/nonexistent-provisioner-fuzz");
    private static final InventoryLoader LOADER = InventoryLoader.standard().withEnv(name -> null).withHome(NOWHERE);

    @FuzzTest(maxDuration = "3m")
    void anyTextIsAnInventoryOrLocatedProblems(byte[] input) {
        FuzzBounds.within(() -> {
            String yaml = new String(input, StandardCharsets.UTF_8);
            try {
                Inventory inventory = LOADER.parse(yaml, "fuzz.yaml", NOWHERE);
                assertThat(inventory.hosts()).isNotEmpty();
            } catch (InventoryException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.getMessage()).startsWith("fuzz.yaml");
                for (String line : e.getMessage().split("\n")) {
                    assertThat(line).startsWith("fuzz.yaml");
                }
            }
        });
    }
}
