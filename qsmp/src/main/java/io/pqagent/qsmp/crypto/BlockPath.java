package io.pqagent.qsmp.crypto;

/** Which Rijndael-256 implementation an RCS instance uses; all give identical output. */
public enum BlockPath {
    /**
     * The default: the table rounds, replaced by in-register Vector API rounds (about 3.5 times faster,
     * with no secret-indexed memory load) once this JVM has shown it runs them fast; see
     * {@link #autoDescription()}. Needs {@code --add-modules jdk.incubator.vector} to ever switch.
     */
    AUTO,
    /** Fast round tables; exposed to cache-timing observation by co-resident code (see {@code Rijndael256Table}). */
    TABLE,
    /** Bitsliced, no secret-dependent table index or branch; several times slower. */
    CONSTANT_TIME;

    /**
     * The JVM options a child JVM needs for {@link #AUTO} to be able to switch as in this one: the Vector API
     * module when this JVM has it, nothing otherwise.
     */
    public static java.util.List<String> childJvmOptions() {
        return ModuleLayer.boot().findModule(VectorRoundsGate.MODULE).isPresent()
                ? java.util.List.of("--add-modules=" + VectorRoundsGate.MODULE)
                : java.util.List.of();
    }

    /**
     * Whether {@link #AUTO}'s choice in this JVM is final: the vector warm-up has run (whatever it found), or
     * can never run here. Until then AUTO runs the table rounds and may still move.
     */
    public static boolean autoSettled() {
        return VectorRoundsGate.settled();
    }

    /** What {@link #AUTO} runs in this JVM at the moment, and why; for logs and status output. */
    public static String autoDescription() {
        return VectorRoundsGate.describe();
    }
}
