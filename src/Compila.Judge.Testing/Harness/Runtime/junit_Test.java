package org.junit.jupiter.api;

/** compila.dev: the subset of JUnit 5 the judge supports (a test method). */
@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
public @interface Test {
}
