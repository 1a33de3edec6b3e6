package example;

import java.util.List;
import java.util.Map;

public class TextStatsTest {
    @Test
    public void countsWordsLinesAndCharacters() {
        TextStats s = TextStats.of("The cat\nthe hat\n");
        Assert.equal(16, s.characters());
        Assert.equal(4, s.words());
        Assert.equal(2, s.lines());
        Assert.equal(3, s.distinctWords());
    }

    @Test
    public void lastLineWithoutNewlineCounts() {
        Assert.equal(2, TextStats.of("a\nb").lines());
        Assert.equal(0, TextStats.of("").lines());
    }

    @Test
    public void wordsAreCaseFoldedAndKeepInnerApostrophes() {
        TextStats s = TextStats.of("Don't stop; DON'T 'quote'");
        Assert.equal(List.of(Map.entry("don't", 2), Map.entry("quote", 1), Map.entry("stop", 1)), s.top(10));
    }

    @Test
    public void topBreaksTiesAlphabeticallyAndIsBounded() {
        TextStats s = TextStats.of("b a c b a b");
        Assert.equal(List.of(Map.entry("b", 3), Map.entry("a", 2)), s.top(2));
        Assert.equal(0, s.top(0).size());
    }

    @Test
    public void jsonIsRendered() {
        Assert.equal("{\"characters\":3,\"words\":2,\"lines\":1,\"distinctWords\":1,\"top\":[{\"word\":\"a\",\"count\":2}]}",
                TextStats.of("a a").toJson(5));
    }

    @Test
    public void jsonStringsAreEscaped() {
        Assert.equal("\"q\\\"\\\\\\n\\u0001\"", Json.quote("q\"\\\n\u0001"));
    }
}
