package dev.provisioner.step;

import dev.provisioner.facts.HostFacts;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A file is "edited by hand" only when it differs from what the engine last wrote there (the host's record). */
class HandEditsTest {
    private static final DesiredFile WANT = DesiredFile.text("/etc/app/app.conf", "port: 2380\n");
    private static final String WRITTEN = DesiredFile.text("/x", "port: 2379\n").sha256();

    private static HostFacts facts(String current, String manifest) {
        EngineFixtures.Facts f = EngineFixtures.debian("h").file(WANT.path(), current, 0644, "root", "root");
        if (manifest != null) {
            f.file(HandEdits.MANIFEST, manifest, 0644, "root", "root");
        }
        return f.build();
    }

    @Test
    void aFileChangedSinceTheEngineWroteItIsEditedByHand() {
        HostFacts f = facts("port: 2379\n# tuned\n", "0000  /etc/other\n" + WRITTEN + "  " + WANT.path() + "\n");
        assertThat(HandEdits.recorded(f, WANT.path())).contains(WRITTEN);
        assertThat(Converge.file(WANT, f).orElseThrow().reasons()).containsExactly("content differs", HandEdits.REASON);
    }

    @Test
    void aFileAsTheEngineLeftItOrNeverWrittenByItIsNot() {
        assertThat(Converge.file(WANT, facts("port: 2379\n", WRITTEN + "  " + WANT.path() + "\n")).orElseThrow().reasons())
                .containsExactly("content differs");
        assertThat(Converge.file(WANT, facts("port: 2379\n# tuned\n", null)).orElseThrow().reasons())
                .containsExactly("content differs");
        assertThat(Converge.file(WANT, facts("port: 2379\n# tuned\n", WRITTEN + "  /etc/app/app.conf.bak\n")).orElseThrow().reasons())
                .containsExactly("content differs");
    }
}
