using System.Runtime.InteropServices;
using System.Text;

namespace Pipelines.Engine;

/// <summary>
/// Writers over the process's standard output and error that bypass <see cref="Console"/>. On Unix every write to
/// a console stream locks <c>Console.Out</c>; once <c>Console.Out</c> is redirected to an <see cref="OutputSinkWriter"/>
/// (whose callers hold that lock while the engine takes its own), writing through <see cref="Console"/> from the
/// engine would invert the lock order and deadlock. These writers take only their own lock (a leaf) and, like the
/// console, ignore a closed pipe (<c>./build.sh --help | head</c>). They call <c>write(2)</c> directly: a
/// <see cref="FileStream"/> over a redirected regular file would use positional writes that never move the shared
/// file offset, so whatever the parent shell writes after the build would overwrite the build's log.
/// </summary>
internal static class StandardStreams
{
    public static TextWriter Open(int descriptor, TextWriter fallback)
    {
        if (OperatingSystem.IsWindows())
        {
            return fallback;
        }

        return TextWriter.Synchronized(new StreamWriter(new DescriptorStream(descriptor), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
    }

    /// <summary>Writes with <c>write(2)</c>; once the reader has gone (EPIPE) further output is dropped instead of crashing the build.</summary>
    private sealed class DescriptorStream(int descriptor) : Stream
    {
        private const int Interrupted = 4; // EINTR
        private bool _broken;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_broken)
            {
                return;
            }

            while (!buffer.IsEmpty)
            {
                var written = Write(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted)
                    {
                        continue;
                    }

                    _broken = true; // EPIPE (reader gone), EBADF (closed): nothing more can be shown
                    return;
                }

                buffer = buffer[(int)written..];
            }
        }

        // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled for the whole assembly
        [DllImport("libc", EntryPoint = "write", SetLastError = true)]
        private static extern nint Write(int fileDescriptor, ref byte buffer, nint count);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

    }
}
