using System.Text;

namespace Pipelines.Dockerfile;

/// <summary>Splits a RUN script into simple commands (split at <c>&amp;&amp; || ; | &amp;</c>, newlines and parentheses), each a list of words.</summary>
internal static class ShellScript
{
    public static List<List<string>> Commands(string script) => Pipeline(script).Select(c => c.Words).ToList();

    /// <summary>The simple commands with <c>PipedToNext</c> set when a single <c>|</c> follows.</summary>
    public static List<(List<string> Words, bool PipedToNext)> Pipeline(string script)
    {
        var commands = new List<(List<string> Words, bool PipedToNext)>();
        var piped = false;
        var current = new List<string>();
        var word = new StringBuilder();
        var inWord = false;

        void EndWord()
        {
            if (inWord)
            {
                current.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        void EndCommand()
        {
            EndWord();
            if (current.Count > 0)
            {
                commands.Add((current, piped));
                current = [];
            }

            piped = false;
        }

        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            switch (c)
            {
                case '\\' when i + 1 < script.Length:
                    if (script[i + 1] != '\n')
                    {
                        word.Append(script[i + 1]);
                        inWord = true;
                    }

                    i++;
                    break;
                case '\'':
                case '"':
                    var close = script.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        close = script.Length;
                    }

                    word.Append(script, i + 1, close - i - 1);
                    inWord = true;
                    i = close;
                    break;
                case '#' when !inWord:
                    while (i + 1 < script.Length && script[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '|' when i + 1 < script.Length && script[i + 1] == '|':
                    EndCommand();
                    i++;
                    break;
                case '|':
                    piped = true;
                    EndCommand();
                    break;
                case ';' or '&' or '\n' or '(' or ')':
                    EndCommand();
                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        EndCommand();
        return commands;
    }

    /// <summary>The words of a command after leading <c>VAR=value</c> assignments and <c>sudo</c>/<c>env</c>/<c>exec</c> wrappers.</summary>
    public static List<string> Program(List<string> command)
    {
        var i = 0;
        while (i < command.Count && (IsAssignment(command[i]) || command[i] is "sudo" or "env" or "exec" or "command" or "time" or "nice"))
        {
            i++;
        }

        return command.GetRange(i, command.Count - i);
    }

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        for (var k = 0; k < eq; k++)
        {
            if (word[k] != '_' && !char.IsAsciiLetterOrDigit(word[k]))
            {
                return false;
            }
        }

        return true;
    }
}
