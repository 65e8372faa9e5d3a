// Draws one previz frame from an image request, layer by layer (set, background, midground and
// foreground figures, weather, tags, overlays), on whatever thread calls it. Pure: the same
// request and options always give the same pixels.
#pragma once

#include "domain/Result.h"
#include "previz/PrevizScene.h"

#include <QImage>

#include <functional>

namespace shotcraft::previz {

// Optional overlays a director can switch on for printing.
struct PrevizOptions {
    bool guides = false;  // rule-of-thirds lines, action-safe and title-safe frames
    bool caption = false; // a strip with shot number, size, lens, angle, heading and palette swatches
};

class PrevizRenderer {
public:
    // Called between layers with the fraction done; returning false stops the render.
    using ProgressCheck = std::function<bool(double fraction)>;

    // The frame at the request's size (package.params width x height); fails only on a bad size
    // or when `progress` asks to stop.
    static Result<QImage> render(const ImageRequest &request, const PrevizOptions &options = {},
                                 const ProgressCheck &progress = {});
    static Result<QImage> render(const PrevizScene &scene, const PrevizOptions &options = {},
                                 const ProgressCheck &progress = {});
    // PNG bytes of a frame (fast compression: previz frames are many and regenerated freely).
    static QByteArray encodePng(const QImage &image);
};

} // namespace shotcraft::previz
