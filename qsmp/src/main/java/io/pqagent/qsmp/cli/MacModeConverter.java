package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.MacMode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --mac kmac|qmac}: the two MAC modes a real peer may use (profile rule 2). The test-only modes
 * of {@link MacMode} are not offered.
 */
final class MacModeConverter implements ITypeConverter<MacMode>, Iterable<String> {
    private static final List<String> NAMES = List.of("kmac", "qmac");

    @Override
    public MacMode convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "kmac" -> MacMode.KMAC;
            case "qmac" -> MacMode.QMAC;
            default -> throw new TypeConversionException("'" + value + "' is not a MAC mode; use kmac or qmac");
        };
    }

    /** The completion candidates picocli shows in the help. */
    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }
}
