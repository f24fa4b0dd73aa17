package io.pqagent.qsmp.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live-object histogram of this JVM (what {@code jcmd PID GC.class_histogram} prints, taken after
 * a full collection), and the classes that grew between two of them: where the memory of a session goes.
 */
record ClassHistogram(Map<String, long[]> byClass) {

    /** {instances, bytes} per class name. */
    static ClassHistogram take() throws JMException {
        ObjectName dcmd = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(dcmd, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> rows = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // "   1:        123456       7890123  [B (java.base@17)"
            if (f.length >= 4 && f[0].endsWith(":") && f[1].chars().allMatch(Character::isDigit)) {
                rows.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return new ClassHistogram(rows);
    }

    /** Classes that grew from {@code before} to this, largest growth first. */
    List<Growth> grownSince(ClassHistogram before) {
        List<Growth> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byClass.entrySet()) {
            long[] was = before.byClass.getOrDefault(e.getKey(), new long[2]);
            long bytes = e.getValue()[1] - was[1];
            if (bytes > 0) {
                out.add(new Growth(e.getKey(), e.getValue()[0] - was[0], bytes));
            }
        }
        out.sort((a, b) -> Long.compare(b.bytes, a.bytes));
        return out;
    }

    record Growth(String className, long instances, long bytes) {
    }
}
