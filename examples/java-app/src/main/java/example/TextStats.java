package example;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Word statistics of a text: counts, distinct words and the most frequent words. */
public final class TextStats {
    private final int characters;
    private final int words;
    private final int lines;
    private final Map<String, Integer> frequencies;

    private TextStats(int characters, int words, int lines, Map<String, Integer> frequencies) {
        this.characters = characters;
        this.words = words;
        this.lines = lines;
        this.frequencies = frequencies;
    }

    /** Analyses a text; words are letter/digit runs (apostrophes inside words kept), case-folded. */
    public static TextStats of(String text) {
        Map<String, Integer> freq = new HashMap<>();
        int words = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean inner = c == '\'' && word.length() > 0 && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i + 1));
            if (Character.isLetterOrDigit(c) || inner) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                freq.merge(word.toString(), 1, Integer::sum);
                words++;
                word.setLength(0);
            }
        }
        int lines = text.isEmpty() ? 0 : (int) text.chars().filter(ch -> ch == '\n').count()
                + (text.endsWith("\n") ? 0 : 1);
        return new TextStats(text.length(), words, lines, freq);
    }

    public int characters() { return characters; }
    public int words() { return words; }
    public int lines() { return lines; }
    public int distinctWords() { return frequencies.size(); }

    /** The n most frequent words, ties broken alphabetically. */
    public List<Map.Entry<String, Integer>> top(int n) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(frequencies.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        return entries.subList(0, Math.min(n, entries.size()));
    }

    /** JSON rendering (no library needed for this shape). */
    public String toJson(int topN) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "{\"characters\":%d,\"words\":%d,\"lines\":%d,\"distinctWords\":%d,\"top\":[",
                characters, words, lines, distinctWords()));
        List<Map.Entry<String, Integer>> top = top(topN);
        for (int i = 0; i < top.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"word\":").append(Json.quote(top.get(i).getKey()))
              .append(",\"count\":").append(top.get(i).getValue()).append('}');
        }
        return sb.append("]}").toString();
    }
}
