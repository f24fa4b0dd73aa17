package io.pqagent.qsmp.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Same-JVM A/B comparison for tuning on a shared machine: the variants of one experiment run in alternating
 * short slices, each timed in <em>thread CPU time</em>, so load from other processes hits both sides alike;
 * the report is the median per-op time over all slices with the min and max as spread. The "baseline" side
 * is a frozen copy of the pre-tuning code ({@code Baseline*} classes). A companion to JMH, not a substitute.
 *
 * <pre>java [-Dvariants=RCS512,RCS256] -cp microbench/target/microbench.jar io.pqagent.qsmp.crypto.AbProbe
 *     [keccak|block|ctr|ct|all] [slices]</pre>
 */
public final class AbProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AbProbe() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        int slices = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        if (what.equals("keccak") || what.equals("all")) {
            keccak(slices);
        }
        if (what.equals("block") || what.equals("all")) {
            block(slices);
        }
        if (what.equals("ctr") || what.equals("all")) {
            ctr(slices);
        }
        if (what.equals("instances")) {
            instances(slices);
        }
        if (what.equals("ct") || what.equals("all")) {
            constantTime(slices);
        }
    }

    private static void keccak(int slices) {
        byte[] data = new byte[16384];
        new Random(1).nextBytes(data);
        for (int rate : new int[] {72, 136}) {
            Map<String, Runnable> v = new LinkedHashMap<>();
            long[] base = new long[25];
            long[] ours = new long[25];
            KeccakDigest bc = new KeccakDigest(rate == 72 ? 512 : 256);
            KeccakSponge sponge = new KeccakSponge(rate, KeccakF1600.STANDARD_ROUNDS);
            v.put("baseline permute x120", () -> {
                for (int i = 0; i < 120; i++) {
                    BaselineKeccakF1600.permute(base, 24);
                }
            });
            v.put("current  permute x120", () -> {
                for (int i = 0; i < 120; i++) {
                    KeccakF1600.permute(ours, 24);
                }
            });
            v.put("sponge absorb 16 KiB", () -> sponge.absorb(data, 0, data.length));
            v.put("BC KeccakDigest 16 KiB", () -> bc.update(data, 0, data.length));
            compare("Keccak rate " + rate, v, slices);
        }
    }

    private static void block(int slices) {
        Random random = new Random(2);
        for (int rounds : new int[] {22, 30}) {
            int[] rk = new int[8 * (rounds + 1)];
            for (int i = 0; i < rk.length; i++) {
                rk[i] = random.nextInt();
            }
            Rijndael256 base = new BaselineRijndael256Table(rounds, rk);
            Rijndael256 ours = new Rijndael256Table(rounds, rk);
            int[] a = new int[8];
            int[] b = new int[8];
            Map<String, Runnable> v = new LinkedHashMap<>();
            v.put("baseline table x64", () -> {
                for (int i = 0; i < 64; i++) {
                    base.encrypt(a);
                }
            });
            v.put("current  table x64", () -> {
                for (int i = 0; i < 64; i++) {
                    ours.encrypt(b);
                }
            });
            long[] many = new long[4 * 64];
            v.put("current  table 64 blocks", () -> ours.encrypt(many, 0, 64));
            long[] counter = new long[4];
            v.put("current  64 counters", () -> ours.encryptCounters(counter, many, 64));
            compare("Rijndael-256 " + rounds + " rounds", v, slices);
        }
    }

    private static void ctr(int slices) {
        Random random = new Random(3);
        RcsVariant[] order = System.getProperty("variants") == null ? RcsVariant.values()
                : Arrays.stream(System.getProperty("variants").split(",")).map(RcsVariant::valueOf).toArray(RcsVariant[]::new);
        for (RcsVariant variant : order) {
            int rounds = variant.rounds();
            int[] rk = new int[8 * (rounds + 1)];
            for (int i = 0; i < rk.length; i++) {
                rk[i] = random.nextInt();
            }
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            for (int size : new int[] {64, 16384}) {
                byte[] msg = new byte[size];
                random.nextBytes(msg);
                byte[] outA = new byte[size];
                byte[] outB = new byte[size];
                BaselineRcsCounterMode base = new BaselineRcsCounterMode(new BaselineRijndael256Table(rounds, rk), nonce);
                RcsCounterMode ours = new RcsCounterMode(new Rijndael256Table(rounds, rk), nonce);
                int reps = Math.max(1, 16384 / size);
                Map<String, Runnable> v = new LinkedHashMap<>();
                v.put("baseline ctr", () -> {
                    for (int i = 0; i < reps; i++) {
                        base.transform(msg, 0, outA, 0, size);
                    }
                });
                v.put("current  ctr", () -> {
                    for (int i = 0; i < reps; i++) {
                        ours.transform(msg, 0, outB, 0, size);
                    }
                });
                compare(variant + " CTR " + size + " B (x" + reps + ")", v, slices);
                new BaselineRcsCounterMode(new BaselineRijndael256Table(rounds, rk), nonce).transform(msg, 0, outA, 0, size);
                new RcsCounterMode(new Rijndael256Table(rounds, rk), nonce).transform(msg, 0, outB, 0, size);
                if (!Arrays.equals(outA, outB)) {
                    throw new AssertionError(variant + " CTR output differs from the baseline at " + size + " B");
                }
            }
        }
    }

    /** The same key in several instances (different heap addresses): is the speed address-dependent? */
    private static void instances(int slices) {
        Random random = new Random(5);
        int rounds = 30;
        int[] rk = new int[8 * (rounds + 1)];
        for (int i = 0; i < rk.length; i++) {
            rk[i] = random.nextInt();
        }
        Map<String, Runnable> v = new LinkedHashMap<>();
        List<Object> keep = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            Rijndael256 t = new Rijndael256Table(rounds, rk);
            long[] counter = new long[4];
            long[] out = new long[4 * 16];
            keep.add(new byte[random.nextInt(3000)]);
            v.put("instance " + n + " 64 counters", () -> {
                for (int i = 0; i < 4; i++) {
                    t.encryptCounters(counter, out, 16);
                }
            });
        }
        compare("Rijndael-256 30 rounds, one key, eight instances", v, slices);
        System.out.println(keep.size());
    }

    private static void constantTime(int slices) {
        Random random = new Random(4);
        for (int rounds : new int[] {22, 30}) {
            int[] rk = new int[8 * (rounds + 1)];
            for (int i = 0; i < rk.length; i++) {
                rk[i] = random.nextInt();
            }
            Rijndael256 base = new BaselineRijndael256ConstantTime(rounds, rk);
            Rijndael256 ours = new Rijndael256ConstantTime(rounds, rk);
            int[] a = new int[8];
            int[] b = new int[8];
            long[] many = new long[4 * 16];
            Map<String, Runnable> v = new LinkedHashMap<>();
            v.put("baseline ct x16", () -> {
                for (int i = 0; i < 16; i++) {
                    base.encrypt(a);
                }
            });
            v.put("current  ct x16", () -> {
                for (int i = 0; i < 16; i++) {
                    ours.encrypt(b);
                }
            });
            v.put("current  ct 16 blocks", () -> ours.encrypt(many, 0, 16));
            compare("constant-time Rijndael-256 " + rounds + " rounds", v, slices);
            Arrays.fill(a, 7);
            Arrays.fill(b, 7);
            base.encrypt(a);
            ours.encrypt(b);
            if (!Arrays.equals(a, b)) {
                throw new AssertionError("constant-time output differs from the baseline");
            }
        }
    }

    /** Runs the variants in alternating slices of about 20 ms each; prints median [min .. max] us per call. */
    static void compare(String title, Map<String, Runnable> variants, int slices) {
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Integer> callsPerSlice = new LinkedHashMap<>();
        for (String n : names) {
            Runnable op = variants.get(n);
            // warm up and size the slice to ~20 ms
            long t0 = System.nanoTime();
            int calls = 0;
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                op.run();
                calls++;
            }
            callsPerSlice.put(n, Math.max(1, calls / 50));
            times.put(n, new ArrayList<>());
        }
        for (int s = 0; s < slices; s++) {
            for (int k = 0; k < names.size(); k++) {
                String n = names.get((k + s) % names.size());
                Runnable op = variants.get(n);
                int calls = callsPerSlice.get(n);
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    op.run();
                }
                long c1 = THREADS.getCurrentThreadCpuTime();
                times.get(n).add((c1 - c0) / 1000.0 / calls);
            }
        }
        System.out.println("== " + title + " (" + slices + " slices, thread CPU time, us per call)");
        for (String n : names) {
            double[] t = times.get(n).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-26s median %10.3f   [%10.3f .. %10.3f]%n", n, t[t.length / 2], t[0],
                    t[t.length - 1]);
        }
    }
}
