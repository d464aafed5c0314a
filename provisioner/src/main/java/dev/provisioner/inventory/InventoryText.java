package dev.provisioner.inventory;

import dev.provisioner.inventory.Tree.Location;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The bytes of an inventory file as text: at most {@link YamlTrees#MAX_SIZE} bytes of strict UTF-8. */
final class InventoryText {
    private InventoryText() {}

    /** The text, or null after reporting an oversized file or the line and column of the first byte that is not UTF-8. */
    static String decode(byte[] bytes, Problems problems) {
        if (bytes.length > YamlTrees.MAX_SIZE) {
            problems.error("", Location.NONE, "the file is larger than 1 MiB", "an inventory is a few kilobytes; check that this is the right file");
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String before = out.flip().toString();
            problems.error("", YamlTrees.locate(before, before.length()),
                    "the file is not valid UTF-8 (byte " + String.format("0x%02X", bytes[in.position()] & 0xFF) + ")",
                    "save it as UTF-8");
            return null;
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
