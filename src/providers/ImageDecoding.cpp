#include "providers/ImageDecoding.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QtConcurrent/QtConcurrentRun>

namespace shotcraft::providers {

Result<QByteArray> decodeBase64(const QByteArray &base64) {
    const QByteArray trimmed = base64.trimmed();
    if (trimmed.isEmpty())
        return Result<QByteArray>::failure(QStringLiteral("the service sent an empty image"));
    auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Result<QByteArray>::failure(
            QStringLiteral("the service sent an image that is not valid base64"));
    return *decoded;
}

Result<DecodedImage> decodeImage(const QByteArray &bytes, const ImageLimits &limits) {
    if (bytes.isEmpty())
        return Result<DecodedImage>::failure(QStringLiteral("the service sent an empty image"));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAllocationLimit(limits.allocationLimitMb);
    if (!reader.canRead())
        return Result<DecodedImage>::failure(QStringLiteral("the service sent data that is not an image"));
    const QSize claimed = reader.size();
    if (claimed.isValid() && qint64(claimed.width()) * claimed.height() > limits.maxPixels)
        return Result<DecodedImage>::failure(
            QStringLiteral("the service sent an image claiming %1x%2 px, over the %3 MP limit; refused")
                .arg(claimed.width())
                .arg(claimed.height())
                .arg(limits.maxPixels / 1'000'000));
    DecodedImage out;
    out.format = reader.format();
    const QImage image = reader.read();
    if (image.isNull())
        return Result<DecodedImage>::failure(
            QStringLiteral("the service sent an image that could not be decoded (%1)")
                .arg(reader.errorString()));
    out.encoded = bytes;
    out.width = image.width();
    out.height = image.height();
    return out;
}

QFuture<Result<DecodedImage>> decodeImageAsync(const QByteArray &bytes, const ImageLimits &limits) {
    return QtConcurrent::run([bytes, limits] { return decodeImage(bytes, limits); });
}

QByteArray sniffImageMimeType(const QByteArray &bytes) {
    if (bytes.startsWith("\x89PNG"))
        return "image/png";
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return "image/jpeg";
    if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return "image/webp";
    return "application/octet-stream";
}

} // namespace shotcraft::providers
