// compila.dev: roda os testes JUnit 5 (o subconjunto em org.junit.jupiter.api) da classe SolutionTest, um registro por teste.
public class Main {
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

    public static void main(String[] args) throws Exception {
        java.io.PrintStream realOut = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        java.io.PrintStream realErr = System.err;
        Class<?> type = Class.forName("SolutionTest");
        java.util.List<java.lang.reflect.Method> tests = new java.util.ArrayList<>();
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) tests.add(m);
        }
        tests.sort(java.util.Comparator.comparing(java.lang.reflect.Method::getName));
        java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        for (java.lang.reflect.Method m : tests) {
            org.junit.jupiter.api.DisplayName display = m.getAnnotation(org.junit.jupiter.api.DisplayName.class);
            String name = display != null ? display.value() : m.getName();
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            java.io.PrintStream capture = new java.io.PrintStream(buf, true, "UTF-8");
            String status = "pass";
            String error = null;
            long start = System.nanoTime();
            System.setOut(capture);
            System.setErr(capture);
            try {
                m.setAccessible(true);
                m.invoke(java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? null : constructor.newInstance());
            } catch (java.lang.reflect.InvocationTargetException e) {
                Throwable cause = e.getCause();
                status = cause instanceof AssertionError ? "fail" : "error";
                error = (cause instanceof AssertionError ? "" : cause.getClass().getSimpleName() + ": ") + cause.getMessage();
            } catch (ReflectiveOperationException e) {
                status = "error";
                error = e.toString();
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
            double ms = (System.nanoTime() - start) / 1e6;
            StringBuilder rec = new StringBuilder("{\"name\":").append(text(name)).append(",\"status\":\"").append(status).append("\",\"ms\":").append(ms)
                .append(",\"out\":").append(text(new String(buf.toByteArray(), java.nio.charset.StandardCharsets.UTF_8)));
            if (error != null) rec.append(",\"error\":").append(text(error));
            realOut.print("\n@@COMPILA@@" + rec.append('}') + "\n");
            realOut.flush();
        }
    }
}
