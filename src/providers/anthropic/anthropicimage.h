#pragma once

#include <QByteArrayView>
#include <QSize>

#include <optional>

// Image sizes and token costs for the local count_tokens estimate, following Anthropic's
// vision guide: an image costs about width * height / 750 tokens; one whose long edge exceeds
// 1568 px, or that would cost more than about 1,600 tokens, is first scaled down (aspect ratio
// kept) until it fits. Newer models with a high-resolution tier may charge more per image;
// the estimate uses the standard tier.
namespace AnthropicImage {

// The cost used when the size cannot be read (URL or file sources, truncated or unknown
// data): the most a standard-tier image costs, so the estimate errs on the high side.
constexpr qint64 UnknownImageTokens = 1600;

// How many decoded bytes sizeFromHeader() may need: PNG, GIF and WebP carry their size in the
// first 30 bytes; JPEG after its APP segments (EXIF thumbnails can take up to 64 KiB).
constexpr qsizetype HeaderBytes = 96 * 1024;

// The pixel size from the first bytes of a PNG, JPEG (any SOF marker), GIF (logical screen)
// or WebP (VP8, VP8L, VP8X) file, recognised by its signature, not by a declared media type.
// nullopt when the format is not recognised or the bytes end before the size.
std::optional<QSize> sizeFromHeader(QByteArrayView bytes);

// Token cost of an image of `size` pixels (see the namespace comment); UnknownImageTokens
// for an empty size.
qint64 tokensForSize(QSize size);

// Token cost of a base64 image as found in a "base64" source's "data" (raw base64, no JSON
// quotes or escapes): only the header is decoded.
qint64 tokensForBase64(QByteArrayView base64);

} // namespace AnthropicImage
