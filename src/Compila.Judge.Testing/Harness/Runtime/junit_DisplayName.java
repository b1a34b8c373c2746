package org.junit.jupiter.api;

/** compila.dev: the subset of JUnit 5 the judge supports (the name the learner reads). */
@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({java.lang.annotation.ElementType.METHOD, java.lang.annotation.ElementType.TYPE})
public @interface DisplayName {
    String value();
}
