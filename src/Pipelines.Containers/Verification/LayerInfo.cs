namespace Pipelines.Containers;

/// <summary>One layer of a verified image.</summary>
/// <param name="Digest">The layer (blob) digest.</param>
/// <param name="CompressedSize">Bytes as stored/pushed.</param>
/// <param name="UncompressedSize">Sum of the file sizes in the layer; null when the compression could not be read.</param>
/// <param name="Files">Number of entries in the layer.</param>
/// <param name="WastedBytes">Bytes of this layer's files that a later layer overwrites or deletes.</param>
/// <param name="CreatedBy">The history entry that made the layer (e.g. <c>COPY /out/api /api # buildkit</c>).</param>
public sealed record LayerInfo(string Digest, long CompressedSize, long? UncompressedSize, int Files, long WastedBytes, string CreatedBy);
