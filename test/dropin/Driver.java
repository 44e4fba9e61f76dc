import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.kafka.common.utils.Exit;

/**
 * Runs many invocations of Kafka's command-line tools in one JVM (the JVM's start and class loading
 * are most of a tool's 1-2 s). Reads one invocation per line on stdin, each field base64:
 * `CLASS STDIN ARG...`; for each writes `EXIT MS STDOUT STDERR` (outputs base64) on stdout, in order.
 * Exit.exit is trapped (the tools end through it), System.in/out/err are swapped per invocation.
 * Run as a single-file program: java -cp 'libs/*' Driver.java
 */
public class Driver {
    static final class Trapped extends RuntimeException {
        Trapped() {
            super(null, null, false, false);
        }
    }

    static volatile Integer exitCode;
    static volatile ByteArrayOutputStream out, err;
    static volatile int outAtExit, errAtExit;
    /** The invocation's shutdown hooks (Exit.addShutdownHook): run when it ends, as a real exit runs them. */
    static final java.util.List<Runnable> hooks = new java.util.ArrayList<>();

    /** The tool ends here: what it prints after (a catch-all reporting our trap) a real exit never prints. */
    static void trap(int code) {
        if (exitCode == null) {
            System.out.flush();
            System.err.flush();
            exitCode = code;
            outAtExit = out.size();
            errAtExit = err.size();
        }
        throw new Trapped();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Each hook in a thread of its own, all at once, as Runtime's exit runs them; 60 s at most. */
    static void runHooks() throws InterruptedException {
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        synchronized (hooks) {
            for (Runnable hook : hooks) threads.add(new Thread(hook));
            hooks.clear();
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join(60_000);
    }

    public static void main(String[] argv) throws Exception {
        PrintStream realOut = System.out;
        InputStream realIn = System.in;
        Exit.setExitProcedure((code, msg) -> trap(code));
        Exit.setHaltProcedure((code, msg) -> trap(code));
        Exit.setShutdownHookAdder((name, hook) -> {
            synchronized (hooks) {
                hooks.add(hook);
            }
        });
        BufferedReader lines = new BufferedReader(new InputStreamReader(realIn, StandardCharsets.UTF_8));
        Base64.Decoder dec = Base64.getDecoder();
        Base64.Encoder enc = Base64.getEncoder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) continue;
            String[] f = line.split(" ", -1);
            String cls = new String(dec.decode(f[0]), StandardCharsets.UTF_8);
            byte[] stdin = dec.decode(f[1]);
            String[] args = new String[f.length - 2];
            for (int i = 2; i < f.length; i++) args[i - 2] = new String(dec.decode(f[i]), StandardCharsets.UTF_8);
            out = new ByteArrayOutputStream();
            err = new ByteArrayOutputStream();
            PrintStream po = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setOut(po);
            System.setErr(pe);
            System.setIn(new ByteArrayInputStream(stdin));
            exitCode = null;
            long start = System.nanoTime();
            int code;
            try {
                Class.forName(cls).getMethod("main", String[].class).invoke(null, (Object) args);
                code = exitCode == null ? 0 : exitCode;
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (exitCode != null) code = exitCode;
                else {
                    // What the JVM prints for an uncaught exception, and its exit code.
                    pe.print("Exception in thread \"main\" ");
                    t.printStackTrace(pe);
                    code = 1;
                }
            } catch (Trapped t) {
                code = exitCode;
            }
            po.flush();
            pe.flush();
            byte[] o = out.toByteArray();
            byte[] e = err.toByteArray();
            if (exitCode != null) {
                o = java.util.Arrays.copyOf(o, outAtExit);
                e = java.util.Arrays.copyOf(e, errAtExit);
            }
            // The JVM's exit: the hooks the tool added (the console producer's closes its producer, which
            // sends what lingers; the console consumer's prints shutdown_complete), their output after the rest.
            ByteArrayOutputStream hookOut = new ByteArrayOutputStream(), hookErr = new ByteArrayOutputStream();
            System.setOut(new PrintStream(hookOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(hookErr, true, StandardCharsets.UTF_8));
            runHooks();
            System.out.flush();
            System.err.flush();
            o = concat(o, hookOut.toByteArray());
            e = concat(e, hookErr.toByteArray());
            System.setOut(realOut);
            long ms = (System.nanoTime() - start) / 1_000_000;
            realOut.println(code + " " + ms + " " + enc.encodeToString(o) + " " + enc.encodeToString(e));
            realOut.flush();
        }
        Exit.resetExitProcedure();
        System.exit(0);
    }
}
