// Safe decoding of images that arrive from a service: base64 checked strictly, the header's size
// checked against a pixel budget before anything is allocated, and QImageReader's allocation limit
// set, so a "decompression bomb" (a tiny file claiming 20000x20000 px) is refused with a reason
// instead of eating gigabytes. Pure functions; callers run decodeImage() on the thread pool.
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QFuture>

namespace shotcraft::providers {

struct ImageLimits {
    qint64 maxPixels = 40'000'000; // 40 MP: beyond any generator's output
    int allocationLimitMb = 256;   // QImageReader refuses to allocate more
};

struct DecodedImage {
    QByteArray encoded; // the bytes as received (PNG/JPEG/WebP), verified decodable
    QByteArray format;  // "png", "jpeg", "webp"
    int width = 0;
    int height = 0;
};

Result<QByteArray> decodeBase64(const QByteArray &base64);
Result<DecodedImage> decodeImage(const QByteArray &bytes, const ImageLimits &limits = {});
// decodeImage() on the QtConcurrent pool.
QFuture<Result<DecodedImage>> decodeImageAsync(const QByteArray &bytes, const ImageLimits &limits = {});
// "image/png" etc. from the bytes' signature; "application/octet-stream" when unknown.
QByteArray sniffImageMimeType(const QByteArray &bytes);

} // namespace shotcraft::providers
