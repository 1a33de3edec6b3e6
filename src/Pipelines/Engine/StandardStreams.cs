using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Pipelines.Engine;

/// <summary>
/// Writers over the process's standard output and error that bypass <see cref="Console"/>. On Unix every write to
/// a console stream locks <c>Console.Out</c>; once <c>Console.Out</c> is redirected to an <see cref="OutputSinkWriter"/>
/// (whose callers hold that lock while the engine takes its own), writing through <see cref="Console"/> from the
/// engine would invert the lock order and deadlock. These writers take only their own lock (a leaf).
/// </summary>
internal static class StandardStreams
{
    public static TextWriter Open(int descriptor, TextWriter fallback)
    {
        if (OperatingSystem.IsWindows())
        {
            return fallback;
        }

        var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
    }
}
