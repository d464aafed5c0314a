package dev.provisioner.step;

import dev.provisioner.inventory.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {
    private static Phase phase(String title) {
        return Phase.of(title, HostSelector.all());
    }

    private final Plan plan = Plan.of(phase("prepare-hosts"), phase("registry"), phase("etcd"), phase("verify"));

    @Test
    void insertBeforeAndAfterByTitle() {
        Plan p = plan.insertAfter("registry", phase("mirror")).insertBefore("prepare-hosts", phase("preflight"));
        assertThat(p.titles()).containsExactly("preflight", "prepare-hosts", "registry", "mirror", "etcd", "verify");
        assertThat(plan.titles()).as("plans are immutable").containsExactly("prepare-hosts", "registry", "etcd", "verify");
    }

    @Test
    void replaceAndRemoveByTitle() {
        Phase custom = Phase.of("etcd", HostSelector.roles(Role.ETCD)).withParallelism(1);
        Plan p = plan.replace("etcd", custom).remove("verify");
        assertThat(p.titles()).containsExactly("prepare-hosts", "registry", "etcd");
        assertThat(p.phase("etcd")).contains(custom);
    }

    @Test
    void onlyAndSkipKeepPlanOrder() {
        assertThat(plan.only(List.of("verify", "registry")).titles()).containsExactly("registry", "verify");
        assertThat(plan.skip(List.of("etcd")).titles()).containsExactly("prepare-hosts", "registry", "verify");
    }

    @Test
    void unknownTitlesAndDuplicatesAreRefusedWithTheKnownTitles() {
        assertThatThrownBy(() -> plan.remove("etdc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("etdc").hasMessageContaining("[prepare-hosts, registry, etcd, verify]");
        assertThatThrownBy(() -> plan.append(phase("etcd"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> plan.only(List.of("nope"))).isInstanceOf(IllegalArgumentException.class);
    }
}
