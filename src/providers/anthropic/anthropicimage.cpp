#include "anthropic/anthropicimage.h"

#include <QByteArray>

#include <cmath>

namespace {

constexpr int MaxLongEdge = 1568;

quint32 byteAt(QByteArrayView b, qsizetype i)
{
    return static_cast<quint8>(b[i]);
}

quint32 be16(QByteArrayView b, qsizetype i)
{
    return (byteAt(b, i) << 8) | byteAt(b, i + 1);
}

quint32 be32(QByteArrayView b, qsizetype i)
{
    return (be16(b, i) << 16) | be16(b, i + 2);
}

quint32 le16(QByteArrayView b, qsizetype i)
{
    return byteAt(b, i) | (byteAt(b, i + 1) << 8);
}

quint32 le24(QByteArrayView b, qsizetype i)
{
    return le16(b, i) | (byteAt(b, i + 2) << 16);
}

std::optional<QSize> validSize(quint32 width, quint32 height)
{
    if (width == 0 || height == 0 || width > 1000000 || height > 1000000)
        return std::nullopt;
    return QSize(int(width), int(height));
}

// PNG: signature, then the IHDR chunk (length, "IHDR", width, height as 32-bit big endian).
std::optional<QSize> pngSize(QByteArrayView b)
{
    if (b.size() < 24 || b.sliced(12, 4) != QByteArrayView("IHDR"))
        return std::nullopt;
    return validSize(be32(b, 16), be32(b, 20));
}

// GIF: "GIF87a"/"GIF89a", then the logical screen width and height (16-bit little endian).
std::optional<QSize> gifSize(QByteArrayView b)
{
    if (b.size() < 10)
        return std::nullopt;
    return validSize(le16(b, 6), le16(b, 8));
}

// WebP: "RIFF" size "WEBP", then the first chunk: "VP8 " (lossy key frame: start code
// 9d 01 2a, then 14-bit width and height), "VP8L" (lossless: 0x2f, then width-1 and height-1
// in 14 bits each) or "VP8X" (extended: canvas width-1 and height-1 in 24 bits each).
std::optional<QSize> webpSize(QByteArrayView b)
{
    if (b.size() < 30)
        return std::nullopt;
    const QByteArrayView chunk = b.sliced(12, 4);
    if (chunk == QByteArrayView("VP8 ")) {
        if (byteAt(b, 23) != 0x9d || byteAt(b, 24) != 0x01 || byteAt(b, 25) != 0x2a)
            return std::nullopt;
        return validSize(le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
    }
    if (chunk == QByteArrayView("VP8L")) {
        if (byteAt(b, 20) != 0x2f)
            return std::nullopt;
        const quint32 bits
            = byteAt(b, 21) | (byteAt(b, 22) << 8) | (byteAt(b, 23) << 16) | (byteAt(b, 24) << 24);
        return validSize((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    }
    if (chunk == QByteArrayView("VP8X"))
        return validSize(le24(b, 24) + 1, le24(b, 27) + 1);
    return std::nullopt;
}

// JPEG: walk the marker segments after SOI up to the first start-of-frame (SOF0..SOF15 except
// DHT c4, JPG c8 and DAC cc): length, precision, height, width (16-bit big endian).
std::optional<QSize> jpegSize(QByteArrayView b)
{
    qsizetype i = 2;
    while (i + 1 < b.size()) {
        if (byteAt(b, i) != 0xff)
            return std::nullopt;
        const quint32 marker = byteAt(b, i + 1);
        if (marker == 0xff) { // fill byte
            ++i;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { // no length
            i += 2;
            continue;
        }
        if (marker == 0xd9 || marker == 0xda) // end of image / start of scan before a frame
            return std::nullopt;
        if (i + 3 >= b.size())
            return std::nullopt;
        const quint32 length = be16(b, i + 2);
        if (length < 2)
            return std::nullopt;
        const bool isFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
            && marker != 0xcc;
        if (isFrame) {
            if (i + 8 >= b.size())
                return std::nullopt;
            return validSize(be16(b, i + 7), be16(b, i + 5));
        }
        i += 2 + length;
    }
    return std::nullopt;
}

} // namespace

namespace AnthropicImage {

std::optional<QSize> sizeFromHeader(QByteArrayView bytes)
{
    if (bytes.startsWith(QByteArrayView("\x89PNG\r\n\x1a\n")))
        return pngSize(bytes);
    if (bytes.startsWith(QByteArrayView("GIF87a")) || bytes.startsWith(QByteArrayView("GIF89a")))
        return gifSize(bytes);
    if (bytes.size() >= 12 && bytes.startsWith(QByteArrayView("RIFF"))
        && bytes.sliced(8, 4) == QByteArrayView("WEBP"))
        return webpSize(bytes);
    if (bytes.size() >= 3 && byteAt(bytes, 0) == 0xff && byteAt(bytes, 1) == 0xd8
        && byteAt(bytes, 2) == 0xff)
        return jpegSize(bytes);
    return std::nullopt;
}

qint64 tokensForSize(QSize size)
{
    if (size.isEmpty())
        return UnknownImageTokens;
    double width = size.width();
    double height = size.height();
    const double longEdge = qMax(width, height);
    if (longEdge > MaxLongEdge) {
        const double scale = MaxLongEdge / longEdge;
        width = std::round(width * scale);
        height = std::round(height * scale);
    }
    const auto tokens = static_cast<qint64>(std::ceil(width * height / 750.0));
    return qMin(tokens, UnknownImageTokens);
}

qint64 tokensForBase64(QByteArrayView base64)
{
    // 4 base64 characters per 3 bytes; a multiple of 4 keeps the prefix decodable.
    const qsizetype prefix = qMin(base64.size(), (HeaderBytes / 3) * 4);
    const QByteArray decoded = QByteArray::fromBase64(
        QByteArray::fromRawData(base64.constData(), prefix & ~qsizetype(3)));
    const std::optional<QSize> size = sizeFromHeader(decoded);
    return size ? tokensForSize(*size) : UnknownImageTokens;
}

} // namespace AnthropicImage
