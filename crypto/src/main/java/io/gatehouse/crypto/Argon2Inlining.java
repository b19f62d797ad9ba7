package io.gatehouse.crypto;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells HotSpot's JIT compiler to always inline Bouncy Castle's Blake2b round helpers into the
 * Argon2 block function, which makes every password hash about twice as fast in one JVM out of
 * three.
 *
 * <p>Why: whether C2 inlines {@code roundFunction} / {@code F} / {@code quarterRound} into
 * {@code FillBlock.applyBlake} depends on which of them happened to be compiled first ("already
 * compiled into a medium method", "too big" in {@code -XX:+PrintInlining}). When it does not,
 * each of the ~10 million quarter-rounds of a hash at m=19 MiB, t=2 is a real call, and a login
 * costs ~70 ms of CPU instead of ~35 ms for the life of the process (measured: see README,
 * "Measured figures"). A compiler directive, added at run time through the DiagnosticCommand
 * MBean (what {@code jcmd <pid> Compiler.directives_add} calls), forces the inlining whatever
 * order compilation happens in, so no command-line flag is needed. It only changes how the same
 * bytecode is compiled, never what it computes.
 *
 * <p>Installed once per JVM (the directive stack is small and test suites start many application
 * contexts); on a JVM without the HotSpot diagnostic command, nothing happens but slower hashing.
 */
public final class Argon2Inlining {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2Inlining.class);
    private static final String GENERATOR = "org/bouncycastle/crypto/generators/Argon2BytesGenerator";
    private static final String DIRECTIVE = """
            [{
              match: ["%1$s*.*"],
              inline: ["+%1$s.roundFunction", "+%1$s.F", "+%1$s.quarterRound", "+%1$s.access$*"]
            }]
            """.formatted(GENERATOR);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private Argon2Inlining() {
    }

    /** Adds the directive unless this JVM already has it; true when it is in place afterwards. */
    public static boolean ensureInstalled() {
        if (INSTALLED.get()) {
            return true;
        }
        synchronized (INSTALLED) {
            if (!INSTALLED.get()) {
                INSTALLED.set(add());
            }
            return INSTALLED.get();
        }
    }

    /** What the JIT compiler currently has in its directive stack ({@code jcmd Compiler.directives_print}). */
    static String printDirectives() throws JMException {
        return (String) diagnosticCommand("compilerDirectivesPrint", new String[0]);
    }

    private static boolean add() {
        Path file = null;
        try {
            // The command reads a file; a private temporary one, deleted at once.
            file = Files.createTempFile("gatehouse-argon2-inlining", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            String answer = String.valueOf(diagnosticCommand("compilerDirectivesAdd", new String[] {file.toString()}));
            boolean added = answer.contains("1 compiler directives added");
            if (!added) {
                LOG.debug("The JIT compiler refused the Argon2 inlining directive: {}", answer.strip());
            }
            return added;
        } catch (IOException | JMException | RuntimeException e) {
            LOG.debug("No Argon2 inlining directive on this JVM (password hashing may be slower): {}", e.toString());
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A leftover temporary file of 300 bytes is harmless.
                }
            }
        }
    }

    private static Object diagnosticCommand(String operation, String[] arguments) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
