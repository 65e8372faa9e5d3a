#include "export/OtioTimeline.h"

#include "domain/Json.h"
#include "export/ShotText.h"

#include <QUrl>

namespace shotcraft::exporting {

namespace {

Json rationalTime(double value, double rate) {
    return {{"OTIO_SCHEMA", "RationalTime.1"}, {"rate", rate}, {"value", value}};
}

Json timeRange(qint64 start, qint64 length, double rate) {
    return {{"OTIO_SCHEMA", "TimeRange.1"},
            {"start_time", rationalTime(double(start), rate)},
            {"duration", rationalTime(double(length), rate)}};
}

std::string utf8(const QString &text) {
    return text.toStdString();
}

} // namespace

QByteArray OtioTimeline::serialize(const TimelineClips &timeline) {
    Json clips = Json::array();
    for (const TimelineClip &clip : timeline.clips) {
        const Shot &shot = clip.shot->shot;
        Json media = {{"OTIO_SCHEMA", "ExternalReference.1"},
                      {"name", utf8(QUrl::fromLocalFile(clip.mediaPath).fileName())},
                      {"target_url", utf8(QUrl::fromLocalFile(clip.mediaPath).toString())},
                      {"available_range", timeRange(0, clip.length, timeline.fps)},
                      {"available_image_bounds", nullptr},
                      {"metadata", Json::object()}};
        clips.push_back({{"OTIO_SCHEMA", "Clip.2"},
                         {"name", utf8(shotLabel(shot))},
                         {"source_range", timeRange(0, clip.length, timeline.fps)},
                         {"media_references", {{"DEFAULT_MEDIA", media}}},
                         {"active_media_reference_key", "DEFAULT_MEDIA"},
                         {"metadata",
                          {{"shotcraft",
                            {{"scene", utf8(sceneLabel(clip.shot->scene))},
                             {"description", utf8(shot.description)},
                             {"camera", utf8(cameraLine(shot))},
                             {"dialogue", utf8(shot.dialogueExcerpt)},
                             {"notes", utf8(shot.notes)},
                             {"placeholder", clip.shot->image.isEmpty()}}}}},
                         {"effects", Json::array()},
                         {"markers", Json::array()},
                         {"enabled", true}});
    }
    Json markers = Json::array();
    for (const TimelineMarker &marker : timeline.markers)
        markers.push_back({{"OTIO_SCHEMA", "Marker.2"},
                           {"name", utf8(marker.name)},
                           {"color", "RED"},
                           {"marked_range", timeRange(marker.start, marker.length, timeline.fps)},
                           {"comment", ""},
                           {"metadata", Json::object()}});
    const Json track = {{"OTIO_SCHEMA", "Track.1"}, {"name", "Storyboard"}, {"kind", "Video"},
                        {"source_range", nullptr},  {"children", clips},    {"markers", markers},
                        {"effects", Json::array()}, {"enabled", true},      {"metadata", Json::object()}};
    const Json stack = {{"OTIO_SCHEMA", "Stack.1"}, {"name", "tracks"},
                        {"source_range", nullptr},  {"children", Json::array({track})},
                        {"markers", Json::array()}, {"effects", Json::array()},
                        {"enabled", true},          {"metadata", Json::object()}};
    const Json root = {{"OTIO_SCHEMA", "Timeline.1"},
                       {"name", utf8(timeline.title)},
                       {"global_start_time", rationalTime(0, timeline.fps)},
                       {"tracks", stack},
                       {"metadata", Json::object()}};
    return toJsonBytes(root, 4) + '\n';
}

} // namespace shotcraft::exporting
