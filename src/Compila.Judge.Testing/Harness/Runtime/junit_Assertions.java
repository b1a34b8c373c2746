package org.junit.jupiter.api;

/** compila.dev: the subset of JUnit 5's Assertions the judge supports. */
public final class Assertions {
    private Assertions() {
    }

    private static String prefix(String message) {
        return message == null || message.isEmpty() ? "" : message + " ==> ";
    }

    private static String show(Object o) {
        if (o instanceof String) return "\"" + o + "\"";
        if (o != null && o.getClass().isArray()) {
            StringBuilder b = new StringBuilder("[");
            int n = java.lang.reflect.Array.getLength(o);
            for (int i = 0; i < n; i++) b.append(i > 0 ? ", " : "").append(show(java.lang.reflect.Array.get(o, i)));
            return b.append("]").toString();
        }
        return String.valueOf(o);
    }

    private static void fail(String message, Object expected, Object actual) {
        throw new AssertionFailedError(prefix(message) + "esperado: <" + show(expected) + "> mas foi: <" + show(actual) + ">");
    }

    public static void fail(String message) { throw new AssertionFailedError(message); }

    public static void assertEquals(long expected, long actual) { assertEquals(expected, actual, (String) null); }
    public static void assertEquals(long expected, long actual, String message) { if (expected != actual) fail(message, expected, actual); }
    public static void assertEquals(double expected, double actual) { assertEquals(expected, actual, (String) null); }
    public static void assertEquals(double expected, double actual, String message) { if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) fail(message, expected, actual); }
    public static void assertEquals(double expected, double actual, double delta) { assertEquals(expected, actual, delta, null); }
    public static void assertEquals(double expected, double actual, double delta, String message) { if (Math.abs(expected - actual) > delta) fail(message, expected, actual); }
    public static void assertEquals(char expected, char actual) { if (expected != actual) fail(null, expected, actual); }
    public static void assertEquals(Object expected, Object actual) { assertEquals(expected, actual, (String) null); }
    public static void assertEquals(Object expected, Object actual, String message) { if (!java.util.Objects.equals(expected, actual)) fail(message, expected, actual); }
    public static void assertNotEquals(Object unexpected, Object actual) { if (java.util.Objects.equals(unexpected, actual)) throw new AssertionFailedError("esperado valor diferente de: <" + show(unexpected) + ">"); }
    public static void assertArrayEquals(long[] expected, long[] actual) { if (!java.util.Arrays.equals(expected, actual)) fail(null, expected, actual); }
    public static void assertArrayEquals(int[] expected, int[] actual) { if (!java.util.Arrays.equals(expected, actual)) fail(null, expected, actual); }
    public static void assertArrayEquals(Object[] expected, Object[] actual) { if (!java.util.Arrays.deepEquals(expected, actual)) fail(null, expected, actual); }
    public static void assertTrue(boolean condition) { assertTrue(condition, null); }
    public static void assertTrue(boolean condition, String message) { if (!condition) fail(message, true, false); }
    public static void assertFalse(boolean condition) { assertFalse(condition, null); }
    public static void assertFalse(boolean condition, String message) { if (condition) fail(message, false, true); }
    public static void assertNull(Object actual) { if (actual != null) fail(null, null, actual); }
    public static void assertNotNull(Object actual) { if (actual == null) throw new AssertionFailedError("esperado: não nulo"); }

    @FunctionalInterface
    public interface Executable {
        void execute() throws Throwable;
    }

    public static <T extends Throwable> T assertThrows(Class<T> expectedType, Executable executable) {
        try {
            executable.execute();
        } catch (Throwable actual) {
            if (expectedType.isInstance(actual)) return expectedType.cast(actual);
            throw new AssertionFailedError("esperada " + expectedType.getSimpleName() + ", lançada " + actual.getClass().getSimpleName() + ": " + actual.getMessage());
        }
        throw new AssertionFailedError("esperada " + expectedType.getSimpleName() + ", nada foi lançado");
    }
}
