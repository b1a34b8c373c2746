// compila.dev: roda os testes JUnit 5 da classe SolutionTest com o JUnit Platform Launcher, um registro por teste.
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

public class Main {
    static final PrintStream realOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final PrintStream realErr = System.err;

    static String text(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"') b.append("\\\"");
            else if (c == '\\') b.append("\\\\");
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static TestPlan plan;

    static String name(TestIdentifier id) {
        String name = id.getDisplayName();
        name = name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
        // A parameterized invocation with the default name ("[1] 0") gets its method's name in front.
        if (name.startsWith("[") && plan != null) {
            var parent = plan.getParent(id);
            if (parent.isPresent() && parent.get().getSource().orElse(null) instanceof MethodSource) {
                name = parent.get().getDisplayName().replaceAll("\\(.*\\)$", "") + " " + name;
            }
        }
        return name;
    }

    static void emit(String name, String status, double ms, String out, String error) {
        StringBuilder rec = new StringBuilder("{\"name\":").append(text(name)).append(",\"status\":\"").append(status)
            .append("\",\"ms\":").append(ms).append(",\"out\":").append(text(out));
        if (error != null) rec.append(",\"error\":").append(text(error));
        realOut.print("\n@@COMPILA@@" + rec.append('}') + "\n");
        realOut.flush();
    }

    public static void main(String[] args) {
        String testClass = args.length > 0 ? args[0] : "SolutionTest";
        // Only the Jupiter engine: no class-path scan for other engines or listeners.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .addTestEngines(new JupiterTestEngine())
            .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(testClass)).build(),
            new TestExecutionListener() {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                long start;

                @Override
                public void testPlanExecutionStarted(TestPlan testPlan) {
                    plan = testPlan;
                }

                @Override
                public void executionStarted(TestIdentifier id) {
                    if (!id.isTest()) return;
                    buf = new ByteArrayOutputStream();
                    PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
                    System.setOut(capture);
                    System.setErr(capture);
                    start = System.nanoTime();
                }

                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) return;
                    System.setOut(realOut);
                    System.setErr(realErr);
                    double ms = id.isTest() ? (System.nanoTime() - start) / 1e6 : 0;
                    String out = id.isTest() ? new String(buf.toByteArray(), StandardCharsets.UTF_8) : "";
                    switch (result.getStatus()) {
                        case SUCCESSFUL -> emit(name(id), "pass", ms, out, null);
                        case ABORTED -> { } // an assumption did not hold: not run, like a skipped test
                        case FAILED -> {
                            Throwable cause = result.getThrowable().orElse(null);
                            boolean assertion = cause instanceof AssertionError;
                            String message = cause == null ? "falhou"
                                : (assertion ? "" : cause.getClass().getSimpleName() + ": ") + cause.getMessage();
                            // A failing class (a constructor or @BeforeAll that threw) is reported once, as an error.
                            emit(name(id), assertion && id.isTest() ? "fail" : "error", ms, out, message);
                        }
                    }
                }
            });
    }
}
