#include "previz/PrevizRenderer.h"

#include "previz/PrevizFigurePainter.h"
#include "previz/PrevizFont.h"
#include "previz/PrevizRandom.h"
#include "previz/PrevizSetPainter.h"

#include <QBuffer>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace shotcraft::previz {

namespace {

constexpr int kMaxSide = 8192;
enum Stream : quint64 { Rain = 50, Snow, Lightning };

QColor withAlpha(QColor c, double alpha) {
    c.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return c;
}

// A [1 2 1] / 4 pass across and down, in place: rounds off the corners a bilinear upscale of a
// much smaller image would otherwise show as blocks.
void smoothSmall(QImage &image) {
    const int w = image.width(), h = image.height();
    if (w < 3 || h < 3)
        return;
    const qsizetype stride = image.bytesPerLine() / qsizetype(sizeof(QRgb));
    QRgb *pixels = reinterpret_cast<QRgb *>(image.bits());
    QList<QRgb> line(std::max(w, h));
    const auto mix = [](QRgb a, QRgb b, QRgb c) {
        return qRgba(
            (qRed(a) + 2 * qRed(b) + qRed(c) + 2) / 4, (qGreen(a) + 2 * qGreen(b) + qGreen(c) + 2) / 4,
            (qBlue(a) + 2 * qBlue(b) + qBlue(c) + 2) / 4, (qAlpha(a) + 2 * qAlpha(b) + qAlpha(c) + 2) / 4);
    };
    // One pass along a row or a column: its i-th pixel is first[i * step], `n` its length.
    const auto pass = [&](QRgb *first, qsizetype step, int n) {
        for (int i = 0; i < n; ++i)
            line[i] = first[i * step];
        for (int i = 0; i < n; ++i)
            first[i * step] = mix(line[std::max(0, i - 1)], line[i], line[std::min(n - 1, i + 1)]);
    };
    for (int y = 0; y < h; ++y)
        pass(pixels + y * stride, 1, w);
    for (int x = 0; x < w; ++x)
        pass(pixels + x, stride, h);
}

// Depth-of-field blur: an area-averaged downscale, a small smoothing pass and a bilinear upscale,
// which together act as a soft blur of about `radius` pixels at a fraction of the cost of a true
// convolution.
QImage blurred(const QImage &image, double radius) {
    const double factor = std::max(1.0, radius / 1.2);
    const QSize small(std::max(1, int(image.width() / factor)), std::max(1, int(image.height() / factor)));
    QImage reduced = image.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (factor >= 3.0 &&
        (reduced.format() == QImage::Format_RGB32 || reduced.format() == QImage::Format_ARGB32_Premultiplied))
        smoothSmall(reduced);
    return reduced.scaled(image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

constexpr double kMinBlurPx = 0.9;

double hazeFor(const PrevizScene &scene, DepthPlane plane) {
    const double weather = scene.weather == Weather::Fog ? 1.0 : scene.weather == Weather::Haze ? 0.5 : 0.0;
    switch (plane) {
    case DepthPlane::Background:
        return 0.12 + 0.45 * weather;
    case DepthPlane::Midground:
        return 0.25 * weather;
    case DepthPlane::Foreground:
        return 0.08 * weather;
    }
    return 0.0;
}

void paintWeather(QPainter &painter, const PrevizScene &scene) {
    const double W = scene.size.width();
    const double H = scene.size.height();
    const double unit = W / 1344.0;
    const PrevizLook &look = scene.look;
    switch (scene.weather) {
    case Weather::Rain:
    case Weather::Storm: {
        const bool storm = scene.weather == Weather::Storm;
        PrevizRandom rng(scene.seed, Rain);
        const int count = int(W * H / (storm ? 900.0 : 1500.0));
        const double slant = storm ? 0.28 : 0.12;
        const QColor streak = look.night ? QColor(170, 185, 210) : QColor(225, 232, 240);
        for (int layer = 0; layer < 2; ++layer) {
            // Far rain: fine and faint; near rain: longer, brighter streaks.
            painter.setPen(
                QPen(withAlpha(streak, layer == 0 ? 0.28 : 0.5), std::max(1.0, unit * (layer + 1))));
            QVector<QLineF> lines;
            lines.reserve(count / 2);
            for (int i = 0; i < count / 2; ++i) {
                const double len = H * rng.uniform(0.025, 0.05) * (layer + 1);
                const double x = rng.uniform(-0.1, 1.05) * W;
                const double y = rng.uniform(-0.05, 1.0) * H;
                lines.append(QLineF(x, y, x + len * slant, y + len));
            }
            painter.drawLines(lines);
        }
        if (storm) {
            PrevizRandom flash(scene.seed, Lightning);
            if (flash.chance(0.5))
                painter.fillRect(QRectF(0, 0, W, H), QColor(220, 225, 255, 40));
        }
        break;
    }
    case Weather::Snow: {
        PrevizRandom rng(scene.seed, Snow);
        painter.setPen(Qt::NoPen);
        const int count = int(W * H / 1400.0);
        for (int i = 0; i < count; ++i) {
            const double r = unit * rng.uniform(1.0, 3.5);
            painter.setBrush(withAlpha(QColor(250, 250, 255), 0.55 + 0.1 * r / unit));
            painter.drawEllipse(QPointF(rng.uniform(0, W), rng.uniform(0, H)), r, r);
        }
        break;
    }
    case Weather::Fog:
    case Weather::Haze: {
        const double strength = scene.weather == Weather::Fog ? 0.45 : 0.2;
        const double horizon = std::clamp(scene.camera.horizonY, 0.0, H);
        QLinearGradient mist(0, 0, 0, H);
        mist.setColorAt(0, withAlpha(look.atmosphere, strength * 0.5));
        mist.setColorAt(std::clamp(horizon / H, 0.0, 1.0), withAlpha(look.atmosphere, strength));
        mist.setColorAt(1, withAlpha(look.atmosphere, strength * 0.3));
        painter.fillRect(QRectF(0, 0, W, H), mist);
        break;
    }
    default:
        break;
    }
}

void paintGuides(QPainter &painter, const PrevizScene &scene) {
    const double W = scene.size.width();
    const double H = scene.size.height();
    const double pen = std::max(1.0, W / 1000.0);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(255, 255, 255, 110), pen));
    for (int i = 1; i <= 2; ++i) {
        painter.drawLine(QPointF(W * i / 3.0, 0), QPointF(W * i / 3.0, H));
        painter.drawLine(QPointF(0, H * i / 3.0), QPointF(W, H * i / 3.0));
    }
    // Action safe (93%) and title safe (90%).
    painter.setPen(QPen(QColor(255, 220, 120, 140), pen, Qt::DashLine));
    painter.drawRect(QRectF(W * 0.035, H * 0.035, W * 0.93, H * 0.93));
    painter.setPen(QPen(QColor(120, 220, 255, 140), pen, Qt::DotLine));
    painter.drawRect(QRectF(W * 0.05, H * 0.05, W * 0.9, H * 0.9));
}

double captionHeight(const PrevizScene &scene) {
    return std::max(10.0, scene.size.height() * 0.055);
}

void paintCaption(QPainter &painter, const PrevizScene &scene) {
    const double W = scene.size.width();
    const double H = scene.size.height();
    const double strip = captionHeight(scene);
    const QRectF band(0, H - strip, W, strip);
    painter.fillRect(band, QColor(12, 12, 14, 225));
    const double cap = strip * 0.36;
    const double y = band.top() + (strip - cap) / 2;
    QStringList parts;
    if (!scene.shotNumber.isEmpty())
        parts << QStringLiteral("SHOT ") + scene.shotNumber;
    parts << scene.sizeLabel << scene.lensLabel << scene.angleLabel;
    const QString text = parts.join(QStringLiteral("  "));
    PrevizFont::drawText(painter, QPointF(strip * 0.4, y), text, cap, QColor(245, 245, 240));
    // The palette variant of this act and scene, at the right.
    const double sw = strip * 0.55;
    double x = W - strip * 0.4 - scene.look.swatches.size() * (sw + 3);
    for (const QColor &c : scene.look.swatches) {
        painter.fillRect(QRectF(x, band.top() + (strip - sw) / 2, sw, sw), c);
        x += sw + 3;
    }
    const double headingRight = W - strip * 0.8 - scene.look.swatches.size() * (sw + 3);
    const double headingLeft = strip * 0.4 + PrevizFont::textWidth(text, cap) + strip;
    QString heading = PrevizFont::fold(scene.heading);
    while (!heading.isEmpty() && PrevizFont::textWidth(heading, cap * 0.85) > headingRight - headingLeft)
        heading.chop(1);
    PrevizFont::drawText(painter,
                         QPointF(headingRight - PrevizFont::textWidth(heading, cap * 0.85), y + cap * 0.075),
                         heading, cap * 0.85, QColor(200, 200, 196));
}

} // namespace

Result<QImage> PrevizRenderer::render(const ImageRequest &request, const PrevizOptions &options,
                                      const ProgressCheck &progress) {
    const QSize size(request.package.params.width, request.package.params.height);
    if (size.width() < 16 || size.height() < 16 || size.width() > kMaxSide || size.height() > kMaxSide)
        return Result<QImage>::failure(
            QStringLiteral("previz cannot draw a %1x%2 frame").arg(size.width()).arg(size.height()));
    return render(PrevizScene::fromRequest(request, size), options, progress);
}

Result<QImage> PrevizRenderer::render(const PrevizScene &scene, const PrevizOptions &options,
                                      const ProgressCheck &progress) {
    auto stopped = [&](double fraction) {
        return progress && !progress(fraction);
    };
    const auto cancelled = [] {
        return Result<QImage>::failure(QStringLiteral("previz render cancelled"));
    };
    const int H = scene.size.height();

    QImage frame(scene.size, QImage::Format_RGB32);
    frame.fill(scene.look.skyHorizon);
    const PrevizSetPainter set(scene);
    const PrevizFigurePainter figures(scene);

    // 1. The set, softened by depth of field when the lens is focused close.
    {
        QImage backdrop =
            scene.backdropBlurPx > kMinBlurPx ? QImage(scene.size, QImage::Format_RGB32) : QImage();
        if (!backdrop.isNull()) // the set need not cover every pixel; none may stay uninitialised
            backdrop.fill(scene.look.skyHorizon);
        QPainter painter(backdrop.isNull() ? &frame : &backdrop);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setTransform(scene.rollTransform());
        set.paintBackdrop(painter);
        painter.resetTransform();
        set.paintSetLight(painter);
        painter.end();
        if (!backdrop.isNull()) {
            if (stopped(0.25))
                return cancelled();
            QPainter onto(&frame);
            onto.drawImage(0, 0, blurred(backdrop, scene.backdropBlurPx));
        }
    }
    if (stopped(0.35))
        return cancelled();
    if (scene.insert) {
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::Antialiasing);
        set.paintInsertSubject(painter);
    }

    // 2. Figures plane by plane, back to front; out-of-focus planes are blurred as a layer.
    const DepthPlane order[] = {DepthPlane::Background, DepthPlane::Midground, DepthPlane::Foreground};
    double done = 0.35;
    for (DepthPlane plane : order) {
        QList<const PrevizFigure *> inPlane;
        for (const PrevizFigure &f : scene.figures)
            if (f.plane == plane)
                inPlane.append(&f);
        done += 0.15;
        if (inPlane.isEmpty())
            continue;
        const double blur = scene.blurPx[int(plane)];
        QImage layer;
        if (blur > kMinBlurPx) {
            layer = QImage(scene.size, QImage::Format_ARGB32_Premultiplied);
            layer.fill(Qt::transparent);
        }
        QPainter painter(layer.isNull() ? &frame : &layer);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setTransform(scene.rollTransform());
        for (const PrevizFigure *f : inPlane)
            figures.paint(painter, *f, hazeFor(scene, plane));
        painter.end();
        if (!layer.isNull()) {
            QPainter onto(&frame);
            onto.drawImage(0, 0, blurred(layer, blur));
        }
        if (stopped(done))
            return cancelled();
    }

    // 3. Weather over everything, then the labels and overlays, which stay sharp and upright.
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::Antialiasing);
    paintWeather(painter, scene);
    if (stopped(0.9))
        return cancelled();
    const double bottom = options.caption ? H - captionHeight(scene) : H;
    const QTransform roll = scene.rollTransform();
    for (const PrevizFigure &f : scene.figures) {
        PrevizFigure placed = f;
        placed.x = roll.map(f.anchor(H)).x();
        placed.feetY = roll.map(QPointF(f.x, f.feetY)).y();
        figures.paintNameTag(painter, placed, bottom);
    }
    if (options.guides)
        paintGuides(painter, scene);
    if (options.caption)
        paintCaption(painter, scene);
    painter.end();
    if (stopped(1.0))
        return cancelled();
    return frame;
}

QByteArray PrevizRenderer::encodePng(const QImage &image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(70); // Qt maps quality to zlib level: 70 is light compression, fast to write
    writer.write(image);
    return bytes;
}

} // namespace shotcraft::previz
