package io.pqagent.qsmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.RcsTestMaterial;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing rcs-kat.txt, and clear errors for malformed vector files. */
class RcsVectorFileTest {
    @Test
    void parsesTheSharedFile() {
        List<RcsVectorBlock> blocks = RcsVectorFile.parse(RcsTestMaterial.rcsKatFile());
        assertThat(blocks).hasSize(53);
        assertThat(blocks).extracting(RcsVectorBlock::id).doesNotHaveDuplicates()
                .contains("QSCTest-RCS-256-KMAC-R24", "RCS-512-NONCE-CARRY248-LEN40");
        RcsVectorBlock first = blocks.get(0);
        assertThat(first.value("info")).isEmpty();
        assertThat(first.value("ad_2")).as("'(none: ...)' means absent").isEmpty();
        assertThat(first.bytes("ad_1")).get().extracting(b -> b.length).isEqualTo(20);
    }

    @Test
    void emptyMarkerIsZeroBytes() {
        RcsVectorBlock b = RcsVectorFile.parse("[vector]\nid = x\npt_1 = (empty)\n[end]\n", "t").get(0);
        assertThat(b.bytes("pt_1")).get().extracting(a -> a.length).isEqualTo(0);
    }

    @Test
    void toleratesCommentsBlankLinesAndCrLf() {
        String text = "# header\r\n\r\n[vector]\r\nid = a\r\n# inside\r\nkey = 00ff\r\n[end]\r\n";
        RcsVectorBlock b = RcsVectorFile.parse(text, "t").get(0);
        assertThat(b.bytes("key")).get().isEqualTo(new byte[] {0, (byte) 0xff});
        assertThat(b.line()).isEqualTo(3);
    }

    @Test
    void rejectsMalformedFilesNamingTheLine() {
        assertError("[vector]\nid = a\n", "line 1", "not closed by [end]");
        assertError("[end]\n", "line 1", "[end] without a [vector]");
        assertError("id = a\n", "line 1", "outside a [vector] block");
        assertError("[vector]\nid = a\n[vector]\n", "line 3", "missing [end]");
        assertError("[vector]\nid = a\nkey 00\n[end]\n", "line 3", "expected 'name = value'");
        assertError("[vector]\nid = a\nkey = 00\nkey = 01\n[end]\n", "line 4", "given twice");
        assertError("[vector]\nkey = 00\n[end]\n", "line 1", "no id");
        assertError("[vector]\nid = a\n[end]\n[vector]\nid = a\n[end]\n", "line 4", "duplicate id a");
        assertError("[vector]\nid = a\nKey! = 1\n[end]\n", "line 3", "bad field name");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> RcsVectorFile.parse(Path.of("/nonexistent/rcs-kat.txt")))
                .hasMessageContaining("cannot read RCS vector file");
    }

    @Test
    void nonHexValueIsAClearError() {
        RcsVectorBlock b = RcsVectorFile.parse("[vector]\nid = a\nkey = zz\n[end]\n", "t").get(0);
        assertThatThrownBy(() -> b.bytes("key")).hasMessageContaining("field key is not hex");
        RcsVectorBlock n = RcsVectorFile.parse("[vector]\nid = a\npackets = two\n[end]\n", "t").get(0);
        assertThatThrownBy(() -> n.number("packets")).hasMessageContaining("not a decimal number");
    }

    private static void assertError(String text, String line, String message) {
        assertThatThrownBy(() -> RcsVectorFile.parse(text, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(line).hasMessageContaining(message);
    }
}
