using SkiaSharp;

namespace Compila.Web.Features.Portfolio.Projects;

/// <summary>
/// Accepts only real PNG, JPEG or WebP images and stores what it re-encoded, never the uploaded bytes: the format is
/// told by the content (magic bytes, then a full decode), dimensions are checked from the header before any pixel is
/// decoded, and re-encoding drops every metadata block (EXIF with GPS position included) after applying the
/// EXIF orientation, so the picture still stands the right way up.
/// </summary>
public static class ProjectImages
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 4096;
    public const int ThumbnailSide = 640;

    /// <summary>Room for a <see cref="MaxBytes"/> file and its multipart framing.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    public static ImageOutcome Process(ReadOnlySpan<byte> bytes, bool thumbnail)
    {
        if (bytes.Length > MaxBytes)
        {
            return new ImageOutcome.Refused(StatusCodes.Status413PayloadTooLarge, "A imagem passa de 5 MB.");
        }

        if (Sniff(bytes) is not { } format)
        {
            return new ImageOutcome.Refused(StatusCodes.Status415UnsupportedMediaType,
                "Envie uma imagem PNG, JPEG ou WebP. Outros formatos, SVG incluído, não são aceitos.");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return Corrupt();
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide)
        {
            return new ImageOutcome.Refused(StatusCodes.Status422UnprocessableEntity,
                $"A imagem deve ter no máximo {MaxSide}×{MaxSide} pixels.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return Corrupt();
        }

        using var oriented = Orient(decoded, codec.EncodedOrigin);
        var source = oriented ?? decoded;
        using var resized = thumbnail ? Shrink(source, ThumbnailSide) : null;
        var output = resized ?? source;
        using var image = SKImage.FromBitmap(output);
        using var encoded = image.Encode(format, 85);
        if (encoded is null)
        {
            return Corrupt();
        }

        var (contentType, extension) = format switch
        {
            SKEncodedImageFormat.Png => ("image/png", "png"),
            SKEncodedImageFormat.Jpeg => ("image/jpeg", "jpg"),
            _ => ("image/webp", "webp"),
        };
        return new ImageOutcome.Accepted(encoded.ToArray(), contentType, extension, output.Width, output.Height);
    }

    static ImageOutcome.Refused Corrupt() =>
        new ImageOutcome.Refused(StatusCodes.Status422UnprocessableEntity, "O arquivo não é uma imagem válida ou está corrompido.");

    static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }

        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        return null;
    }

    /// <summary>The upright picture for the orientations cameras write (none, 180°, 90°, 270°); null when already upright.</summary>
    static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var swap = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        if (origin is not (SKEncodedOrigin.BottomRight or SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom))
        {
            return null;
        }

        var target = new SKBitmap(new SKImageInfo(swap ? h : w, swap ? w : h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        switch (origin)
        {
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(h, 0);
                canvas.RotateDegrees(90);
                break;
            default:
                canvas.Translate(0, w);
                canvas.RotateDegrees(270);
                break;
        }

        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return target;
    }

    static SKBitmap? Shrink(SKBitmap source, int side)
    {
        var scale = Math.Min((double)side / source.Width, (double)side / source.Height);
        if (scale >= 1)
        {
            return null;
        }

        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)),
            source.ColorType, source.AlphaType);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }
}

public abstract record ImageOutcome
{
    public sealed record Accepted(byte[] Content, string ContentType, string Extension, int Width, int Height) : ImageOutcome;

    public sealed record Refused(int Status, string Detail) : ImageOutcome;
}
