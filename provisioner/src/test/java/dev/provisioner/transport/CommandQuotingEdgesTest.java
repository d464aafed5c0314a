package dev.provisioner.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The edges of the safe set of {@link Command#quote}: each end of every range, and the characters just outside. */
class CommandQuotingEdgesTest {
    @Test
    void theEndsOfEachSafeRangeStayBare() {
        for (String word : new String[]{"a", "z", "A", "Z", "0", "9", "-", "_", ".", "/", "=", ":", ",", "@", "%", "+"}) {
            assertThat(Command.quote(word)).as(word).isEqualTo(word);
        }
    }

    @Test
    void theCharactersJustOutsideAreQuoted() {
        for (String word : new String[]{"`", "{", "[", "?", "(", "*", " ", "$", "!", "~", "\u00e9"}) {
            assertThat(Command.quote(word)).as(word).isEqualTo("'" + word + "'");
        }
        assertThat(Command.quote("")).isEqualTo("''");
    }

    @Test
    void aShellLineIsPassedAsItIs() {
        assertThat(Command.shell("a | b && c").line()).isEqualTo("a | b && c");
        assertThat(Command.shell("x").root()).isFalse();
    }
}
