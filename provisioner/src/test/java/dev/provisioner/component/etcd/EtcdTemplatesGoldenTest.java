package dev.provisioner.component.etcd;

import dev.provisioner.step.StepContext;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-exact output of the etcd templates for the fixture inventory (ports as 2379, never 2,379). */
class EtcdTemplatesGoldenTest {
    static String golden(String name) throws IOException {
        try (InputStream in = EtcdTemplatesGoldenTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private final StepContext ctx = EngineFixtures.context(EtcdStepsTest.packages(), "master", null);

    @Test
    void environmentFile() throws IOException {
        assertThat(new EtcdFiles(ctx).conf().text()).isEqualTo(golden("etcd.conf.golden"));
    }

    @Test
    void unit() throws IOException {
        assertThat(new EtcdFiles(ctx).unit().text()).isEqualTo(golden("etcd.service.golden"));
    }
}
