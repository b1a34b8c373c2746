package org.junit.jupiter.api;

/** compila.dev: thrown by {@link Assertions} when an assertion fails. */
public class AssertionFailedError extends AssertionError {
    public AssertionFailedError(String message) {
        super(message);
    }
}
