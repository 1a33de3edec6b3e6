package example;

import java.util.Objects;

/** The few assertions the tests need. */
final class Assert {
    private Assert() { }

    static void equal(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static void isTrue(boolean condition, String message) {
        if (!condition) throw new AssertionError(message);
    }
}
