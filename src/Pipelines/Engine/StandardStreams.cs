using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Pipelines.Engine;

/// <summary>
/// Writers over the process's standard output and error that bypass <see cref="Console"/>. On Unix every write to
/// a console stream locks <c>Console.Out</c>; once <c>Console.Out</c> is redirected to an <see cref="OutputSinkWriter"/>
/// (whose callers hold that lock while the engine takes its own), writing through <see cref="Console"/> from the
/// engine would invert the lock order and deadlock. These writers take only their own lock (a leaf) and, like the
/// console, ignore a closed pipe (<c>./build.sh --help | head</c>).
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
        return TextWriter.Synchronized(new StreamWriter(new PipeStream(stream), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
    }

    /// <summary>Forwards writes; once the reader has gone (EPIPE) further output is dropped instead of crashing the build.</summary>
    private sealed class PipeStream(Stream inner) : Stream
    {
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

            try
            {
                inner.Write(buffer);
            }
            catch (IOException)
            {
                _broken = true;
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
