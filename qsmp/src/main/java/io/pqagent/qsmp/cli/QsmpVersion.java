package io.pqagent.qsmp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code qsmp --version}: the build's version from the jar's Maven metadata, and the protocol version. */
final class QsmpVersion implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.pqagent/qsmp/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"qsmp " + buildVersion() + " (QSMP 1.3)"};
    }

    /** Maven writes pom.properties into the jar; a build run from class directories has none. */
    static String buildVersion() throws IOException {
        try (InputStream in = QsmpVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(development build)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown version)");
        }
    }
}
