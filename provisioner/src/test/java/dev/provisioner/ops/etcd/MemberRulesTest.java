package dev.provisioner.ops.etcd;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** etcdctl output parsing and the quorum rule of member removal. */
class MemberRulesTest {
    static final String LIST = """
            8e9e05c52164694d, started, m1, https://10.0.0.1:2380, https://10.0.0.1:2379, false
            91bc3c398fb3c146, started, m2, https://10.0.0.2:2380, https://10.0.0.2:2379, false
            fd422379fda50e48, started, m3, https://[fd00::3]:2380, https://[fd00::3]:2379, false
            """;

    private static Map<String, Boolean> health(boolean m1, boolean m2, boolean m3) {
        return Map.of("https://10.0.0.1:2379", m1, "https://10.0.0.2:2379", m2, "https://[fd00::3]:2379", m3);
    }

    @Test
    void parsesMemberListIncludingUnstartedMembersAndLearners() {
        List<EtcdMember> ms = MemberList.parse(LIST + "a1b2c3d4e5f60718, unstarted, , https://10.0.0.4:2380, , true\n");
        assertThat(ms).hasSize(4);
        assertThat(ms.get(2)).isEqualTo(new EtcdMember("fd422379fda50e48", true, "m3", List.of("https://[fd00::3]:2380"),
                List.of("https://[fd00::3]:2379"), false));
        EtcdMember unstarted = ms.get(3);
        assertThat(unstarted.started()).isFalse();
        assertThat(unstarted.name()).isEmpty();
        assertThat(unstarted.clientUrls()).isEmpty();
        assertThat(unstarted.learner()).isTrue();
        assertThat(unstarted.matches("https://10.0.0.4:2380")).isTrue();
        assertThat(unstarted.matches("")).as("an empty name matches nothing").isFalse();
        assertThatThrownBy(() -> MemberList.parse("Error: context deadline exceeded"))
                .hasMessageContaining("not a line of etcdctl member list");
    }

    @Test
    void parsesEndpointHealthOfHealthyAndUnhealthyMembers() {
        String out = """
                https://10.0.0.1:2379 is healthy: successfully committed proposal: took = 2.1ms
                https://10.0.0.2:2379 is healthy: successfully committed proposal: took = 2.5ms
                {"level":"warn","msg":"retrying of unary invoker failed"}
                https://[fd00::3]:2379 is unhealthy: failed to commit proposal: context deadline exceeded
                Error: unhealthy cluster
                """;
        assertThat(MemberList.health(out)).isEqualTo(health(true, true, false));
    }

    @Test
    void removingADeadMemberOfThreeKeepsQuorum() {
        var d = RemovalRule.decide(MemberList.parse(LIST), health(true, true, false), "m3", false);
        assertThat(d.verdict()).isEqualTo(RemovalRule.Verdict.REMOVE);
        assertThat(d.member().orElseThrow().id()).isEqualTo("fd422379fda50e48");
        assertThat(d.reason()).contains("2 of 2 remaining members healthy");
    }

    @Test
    void removingAHealthyMemberWhileAnotherIsDeadWouldLoseQuorumUnlessForced() {
        var refused = RemovalRule.decide(MemberList.parse(LIST), health(true, true, false), "m2", false);
        assertThat(refused.verdict()).isEqualTo(RemovalRule.Verdict.REFUSE);
        assertThat(refused.reason()).contains("would lose quorum").contains("1 of the 2 remaining members are healthy, 2 needed");
        assertThat(RemovalRule.decide(MemberList.parse(LIST), health(true, true, false), "m2", true).verdict())
                .isEqualTo(RemovalRule.Verdict.REMOVE);
    }

    @Test
    void withoutQuorumNothingCanBeRemovedEvenForced() {
        var d = RemovalRule.decide(MemberList.parse(LIST), health(true, false, false), "m3", true);
        assertThat(d.verdict()).isEqualTo(RemovalRule.Verdict.REFUSE);
        assertThat(d.reason()).contains("no quorum: 1 of 3 members healthy, 2 needed");
    }

    @Test
    void anAbsentMemberIsAlreadyRemovedAndTheLastMemberIsNeverRemoved() {
        assertThat(RemovalRule.decide(MemberList.parse(LIST), health(true, true, true), "m9", false).verdict())
                .isEqualTo(RemovalRule.Verdict.ALREADY_ABSENT);
        List<EtcdMember> one = MemberList.parse(LIST.lines().findFirst().orElseThrow());
        var last = RemovalRule.decide(one, Map.of("https://10.0.0.1:2379", true), "m1", true);
        assertThat(last.verdict()).isEqualTo(RemovalRule.Verdict.REFUSE);
        assertThat(last.reason()).contains("only etcd member");
    }

    @Test
    void anUnstartedMemberIsFoundByPeerUrlAndCountsAsUnhealthy() {
        String list = LIST.lines().limit(2).map(l -> l + "\n").reduce("", String::concat)
                + "a1b2c3d4e5f60718, unstarted, , https://10.0.0.4:2380, , false\n";
        var d = RemovalRule.decide(MemberList.parse(list), health(true, true, false), "https://10.0.0.4:2380", false);
        assertThat(d.verdict()).isEqualTo(RemovalRule.Verdict.REMOVE);
        assertThat(d.member().orElseThrow().id()).isEqualTo("a1b2c3d4e5f60718");
        assertThat(RemovalRule.quorum(1)).isEqualTo(1);
        assertThat(RemovalRule.quorum(2)).isEqualTo(2);
        assertThat(RemovalRule.quorum(3)).isEqualTo(2);
        assertThat(RemovalRule.quorum(4)).isEqualTo(3);
        assertThat(RemovalRule.quorum(5)).isEqualTo(3);
    }
}
