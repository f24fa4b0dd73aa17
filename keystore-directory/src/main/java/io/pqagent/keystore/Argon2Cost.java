package io.pqagent.keystore;

/**
 * The cost of Argon2id (RFC 9106) for one passphrase-sealed file: memory in KiB, passes, lanes. Stored in
 * the file's header so that a file stays readable when the defaults change; bounded on both sides so
 * that a crafted file cannot make us allocate gigabytes or spin for hours.
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
    /** RFC 9106 §4's second recommendation, with one lane: an agent on a small machine unlocks in well under a second. */
    public static final Argon2Cost DEFAULT = new Argon2Cost(64 * 1024, 3, 1);

    /** 1 GiB: more than any sane deployment asks for, and less than a crafted file would like us to try. */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    /**
     * @throws IllegalArgumentException when out of range: Argon2 itself needs 8 KiB per lane and one pass
     */
    public Argon2Cost {
        String problem = problem(memoryKiB, iterations, parallelism);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** What is wrong with these values, or null when they are acceptable. */
    static String problem(long memoryKiB, long iterations, long parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return "Argon2 parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM;
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            return "Argon2 memory " + memoryKiB + " KiB is outside " + 8 * parallelism + ".." + MAX_MEMORY_KIB;
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return "Argon2 iterations " + iterations + " is outside 1.." + MAX_ITERATIONS;
        }
        return null;
    }
}
