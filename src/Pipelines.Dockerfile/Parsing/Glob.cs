namespace Pipelines.Dockerfile;

/// <summary>Shell pattern matching with <c>*</c> and <c>?</c>, enough for <c>${VAR%pattern}</c>.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string p, int pi, string t, int ti)
    {
        while (pi < p.Length)
        {
            switch (p[pi])
            {
                case '*':
                    for (var k = ti; k <= t.Length; k++)
                    {
                        if (Match(p, pi + 1, t, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (ti >= t.Length)
                    {
                        return false;
                    }

                    break;
                default:
                    if (ti >= t.Length || t[ti] != p[pi])
                    {
                        return false;
                    }

                    break;
            }

            pi++;
            ti++;
        }

        return ti == t.Length;
    }
}
