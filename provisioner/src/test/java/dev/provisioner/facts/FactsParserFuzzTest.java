package dev.provisioner.facts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.provisioner.testsupport.FuzzBounds;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of {@link FactsParser} (docs/reliability.md): whatever a host prints, the
 * result is {@link HostFacts} or a {@link FactsException} naming the host, never another exception.
 */
class FactsParserFuzzTest {
    private static final FactsQuery QUERY = FactsQuery.file("/etc/app.conf", FileProbe.content())
            .and(FactsQuery.packages("curl")).and(FactsQuery.units("kubelet.service"));

    @FuzzTest(maxDuration = "3m")
    void anyOutputIsFactsOrAFactsException(byte[] input) {
        FuzzBounds.within(() -> {
            String output = new String(input, StandardCharsets.UTF_8);
            try {
                HostFacts facts = FactsParser.parse("node1", output, QUERY);
                assertThat(facts.host()).isEqualTo("node1");
            } catch (FactsException e) {
                assertThat(e.getMessage()).startsWith("node1: ");
            }
        });
    }
}
