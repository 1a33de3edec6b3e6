package example;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs every @Test method of the given classes, prints a summary and writes JUnit XML.
 * Usage: TestRunner OUTPUT.xml CLASS... ; exit code 0 when all passed, 1 otherwise.
 */
public final class TestRunner {
    private record Result(String cls, String name, double seconds, Throwable failure) { }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Result> results = new ArrayList<>();
        for (String className : Arrays.copyOfRange(args, 1, args.length)) {
            Class<?> cls = Class.forName(className);
            Method[] methods = cls.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (!m.isAnnotationPresent(Test.class)) continue;
                long start = System.nanoTime();
                Throwable failure = null;
                try {
                    m.invoke(cls.getDeclaredConstructor().newInstance());
                } catch (InvocationTargetException e) {
                    failure = e.getCause();
                } catch (ReflectiveOperationException e) {
                    failure = e;
                }
                Result r = new Result(cls.getName(), m.getName(), (System.nanoTime() - start) / 1e9, failure);
                results.add(r);
                System.out.println((failure == null ? "ok   " : "FAIL ") + r.cls() + "." + r.name()
                        + (failure == null ? "" : ": " + failure));
            }
        }
        long failed = results.stream().filter(r -> r.failure() != null).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        xml.append(String.format(Locale.ROOT, "  <testsuite name=\"java-app\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                results.size(), failed, results.stream().mapToDouble(Result::seconds).sum()));
        for (Result r : results) {
            xml.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    esc(r.cls()), esc(r.name()), r.seconds()));
            if (r.failure() == null) {
                xml.append("/>\n");
            } else {
                StringWriter trace = new StringWriter();
                r.failure().printStackTrace(new PrintWriter(trace));
                xml.append(">\n      <failure message=\"").append(esc(String.valueOf(r.failure().getMessage())))
                   .append("\" type=\"").append(esc(r.failure().getClass().getName())).append("\">")
                   .append(esc(trace.toString())).append("</failure>\n    </testcase>\n");
            }
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, xml, StandardCharsets.UTF_8);
        System.out.println(results.size() + " tests, " + failed + " failures");
        System.exit(failed == 0 && !results.isEmpty() ? 0 : 1);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
