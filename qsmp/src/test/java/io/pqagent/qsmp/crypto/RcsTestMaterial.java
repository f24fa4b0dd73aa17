package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Finds the shared protocol material (system property qsmp.shared); a missing directory fails the test. */
public final class RcsTestMaterial {
    private RcsTestMaterial() {
    }

    public static Path rcsKatFile() {
        String shared = System.getProperty("qsmp.shared");
        assertThat(shared).as("system property qsmp.shared (set by the parent POM)").isNotNull();
        Path file = Path.of(shared, "protocol", "vectors", "rcs-kat.txt");
        assertThat(Files.isRegularFile(file)).as("RCS vector file %s", file).isTrue();
        return file;
    }

    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** bytes start, start+1, ... (mod 256), the pattern of the QSMP-WIRE §4.4 inputs. */
    public static byte[] sequence(int start, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }
}
