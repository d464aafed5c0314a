package dev.provisioner.engine;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.step.HandEdits;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A host's session: the record of written files joins a query that reads files; counters before connecting. */
class HostSessionTest {
    private static HostSession session(FakeConnection fake, FactsQuery query) {
        return new HostSession(EngineFixtures.inventory().host("node01").orElseThrow(), h -> fake, query, Optional.empty());
    }

    @Test
    void aQueryWithFilesAlsoReadsTheRecordOfWrittenFiles() {
        FakeConnection fake = new FakeConnection("node01");
        session(fake, FactsQuery.file("/etc/x.conf", FileProbe.content())).facts();

        assertThat(fake.commands.get(0).line()).contains(HandEdits.MANIFEST);
    }

    @Test
    void aQueryWithoutFilesReadsNoFile() {
        FakeConnection fake = new FakeConnection("node01");
        session(fake, FactsQuery.units("x.service")).facts();

        assertThat(fake.commands.get(0).line()).doesNotContain(HandEdits.MANIFEST);
    }

    @Test
    void countersBeforeConnectingHaveNoTraffic() {
        FakeConnection fake = new FakeConnection("node01");
        HostSession s = session(fake, FactsQuery.EMPTY);
        s.fileWritten();
        s.fileWritten();
        s.unitRestarted();

        assertThat(s.connected()).isFalse();
        assertThat(s.counters()).isEqualTo(new HostCounters(0, 0, 2, 1));
        assertThat(fake.commands).isEmpty();
    }
}
