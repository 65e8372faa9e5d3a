#include "cinema/LensChoice.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shotcraft::cinema {

namespace {

constexpr double kStops[] = {1.4, 2.0, 2.8, 4.0, 5.6, 8.0, 11.0, 16.0};

double nearestStop(double aperture) {
    double best = kStops[0];
    for (double s : kStops)
        if (std::abs(std::log(s / aperture)) < std::abs(std::log(best / aperture)))
            best = s;
    return best;
}

bool isClose(ShotSize size) {
    return size == ShotSize::MediumCloseUp || size == ShotSize::CloseUp || size == ShotSize::ExtremeCloseUp ||
           size == ShotSize::Insert;
}

bool isWide(ShotSize size) {
    return size == ShotSize::ExtremeWide || size == ShotSize::Wide || size == ShotSize::MediumWide;
}

QString metres(double m) {
    return m < 1.0 ? QStringLiteral("%1 cm").arg(std::lround(m * 100))
                   : QStringLiteral("%1 m").arg(m, 0, 'f', 1);
}

} // namespace

QString sensorName(Sensor sensor) {
    return QString::fromLatin1(sensorFormat(sensor).name);
}

QString stopName(double aperture) {
    return QStringLiteral("T") + QString::number(aperture, 'g', 2);
}

double subjectDistanceFor(const ShotSizeProfile &size, const Lens &lens) {
    return optics::subjectDistanceForSpanM(lens.focalLengthMm, size.spanM, lens.sensor);
}

LensDecision chooseLens(const GenreProfile &genre, const ShotSizeProfile &size, const Shot &shot,
                        const EmotionProfile &emotion) {
    Lens lens;
    QString focalReason, apertureReason;
    const LensSet &set = genre.lenses;
    // The size's range is given for Super 35; on another sensor the same framing needs the
    // equivalent focal length.
    const double crop =
        optics::normalFocalLengthMm(set.sensor) / optics::normalFocalLengthMm(Sensor::Super35);
    const double lo = size.minFocalMm * crop;
    const double hi = size.maxFocalMm * crop;
    // The beat's emotion says where in the range to sit: tension reaches for compression, wonder
    // for space; a neutral beat sits in the middle.
    const double target = lo + (hi - lo) * emotion.focalLean;
    double focal = set.focalLengthsMm.isEmpty() ? target : set.focalLengthsMm.first();
    double bestCost = std::numeric_limits<double>::infinity();
    for (double f : set.focalLengthsMm) {
        // Inside the range, closest to the target; outside, cost grows with the miss.
        const double outside = f < lo ? lo - f : (f > hi ? f - hi : 0.0);
        const double cost = outside * 10.0 + std::abs(f - target);
        if (cost < bestCost) {
            bestCost = cost;
            focal = f;
        }
    }
    lens.focalLengthMm = focal;
    lens.sensor = set.sensor;
    const bool inRange = focal >= lo - 0.5 && focal <= hi + 0.5;
    focalReason = QStringLiteral("%1 lens set (%2): %3 mm %4 the %5 range of %6-%7 mm on %8")
                      .arg(genre.name, set.name)
                      .arg(focal)
                      .arg(inRange ? QStringLiteral("sits in") : QStringLiteral("is the set's nearest to"))
                      .arg(enumName(size.size))
                      .arg(std::lround(lo))
                      .arg(std::lround(hi))
                      .arg(sensorName(set.sensor));
    if (!emotion.focalWhy.isEmpty())
        focalReason +=
            QStringLiteral("; %1 leans to the %2 end: %3")
                .arg(emotion.name, emotion.focalLean > 0.5 ? QStringLiteral("long") : QStringLiteral("wide"),
                     emotion.focalWhy);

    // Close sizes isolate the face; wide sizes keep the place readable; medium shots depend on
    // whether the beat is one person's or the room's.
    const bool intimate =
        shot.purpose == ShotPurpose::Single || shot.purpose == ShotPurpose::OverTheShoulder ||
        shot.purpose == ShotPurpose::Reaction || emotion.lightingKey == QLatin1String("low-key");
    if (isClose(shot.size)) {
        lens.aperture = set.apertureShallow;
        apertureReason = QStringLiteral("%1: isolate the subject from the background (the genre's open stop)")
                             .arg(enumName(shot.size));
    } else if (isWide(shot.size)) {
        lens.aperture = set.apertureDeep;
        apertureReason = QStringLiteral("%1: keep the geography readable (the genre's deep stop)")
                             .arg(enumName(shot.size));
    } else if (intimate) {
        lens.aperture = set.apertureShallow;
        apertureReason = QStringLiteral("medium shot of one person's beat: separate them from the room");
    } else {
        lens.aperture = nearestStop(std::sqrt(set.apertureShallow * set.apertureDeep));
        apertureReason = QStringLiteral("medium shot of the room: a middle stop between %1 and %2")
                             .arg(stopName(set.apertureShallow), stopName(set.apertureDeep));
    }
    LensDecision d = describeLens(size, lens);
    d.focalReason = focalReason;
    d.apertureReason = apertureReason;
    return d;
}

namespace {
// Tolerances for values that went through a spin box or JSON.
bool sameFocal(const Lens &a, const Lens &b) {
    return std::abs(a.focalLengthMm - b.focalLengthMm) < 0.05 && a.sensor == b.sensor;
}
bool sameStop(const Lens &a, const Lens &b) {
    return std::abs(a.aperture - b.aperture) < 0.005;
}
} // namespace

bool sameLens(const Lens &a, const Lens &b) {
    return sameFocal(a, b) && sameStop(a, b);
}

LensDecision honourShotLens(const GenreProfile &genre, const ShotSizeProfile &size, const Shot &shot,
                            const EmotionProfile &emotion) {
    const LensDecision genreChoice = chooseLens(genre, size, shot, emotion);
    if (sameLens(genreChoice.lens, shot.lens))
        return genreChoice;
    LensDecision d = describeLens(size, shot.lens);
    d.focalReason = sameFocal(genreChoice.lens, shot.lens)
                        ? genreChoice.focalReason
                        : QStringLiteral("the shot's own lens (the %1 lens set would take %2 mm on %3)")
                              .arg(genre.name)
                              .arg(genreChoice.lens.focalLengthMm)
                              .arg(sensorName(genreChoice.lens.sensor));
    d.apertureReason = sameStop(genreChoice.lens, shot.lens)
                           ? genreChoice.apertureReason
                           : QStringLiteral("the shot's own stop (the genre's choice would be %1)")
                                 .arg(stopName(genreChoice.lens.aperture));
    return d;
}

LensDecision describeLens(const ShotSizeProfile &size, const Lens &lens) {
    LensDecision d;
    d.lens = lens;
    d.subjectDistanceM = subjectDistanceFor(size, d.lens);
    d.dof = optics::depthOfField(d.lens, d.subjectDistanceM);
    d.fov = optics::fieldOfView(d.lens.focalLengthMm, d.lens.sensor);
    d.s35EquivalentMm = optics::equivalentFocalLength(d.lens.focalLengthMm, d.lens.sensor, Sensor::Super35);
    d.lensPhrase = QStringLiteral("%1 mm lens at %2 on %3 (%4° horizontal field of view)")
                       .arg(d.lens.focalLengthMm)
                       .arg(stopName(d.lens.aperture), sensorName(d.lens.sensor))
                       .arg(d.fov.horizontalDeg, 0, 'f', 1);

    const double total = d.dof.totalM();
    if (d.dof.farIsInfinite || total > 20.0) {
        d.focusPhrase =
            QStringLiteral("deep focus: everything from %1 to the horizon is sharp").arg(metres(d.dof.nearM));
    } else if (total < 0.5) {
        d.focusPhrase =
            QStringLiteral("razor-thin depth of field (%1 in focus at %2): the background melts into "
                           "soft creamy bokeh")
                .arg(metres(total), metres(d.subjectDistanceM));
    } else if (total < 2.0) {
        d.focusPhrase =
            QStringLiteral("shallow depth of field (%1 in focus at %2): the background falls off softly")
                .arg(metres(total), metres(d.subjectDistanceM));
    } else {
        d.focusPhrase =
            QStringLiteral("moderate depth of field (%1 to %2 sharp): the background stays readable")
                .arg(metres(d.dof.nearM), metres(d.dof.farM));
    }

    // Perspective matters at the ends of the range (reference: < 24 mm and > 85 mm on Super 35).
    if (d.s35EquivalentMm < 24.0) {
        d.perspectivePhrase = isClose(size.size) || size.size == ShotSize::Medium
                                  ? QStringLiteral("wide-angle perspective exaggerates depth and stretches "
                                                   "features close to the lens")
                                  : QStringLiteral("wide-angle perspective exaggerates depth and scale");
        d.perspectiveReason = QStringLiteral("%1 mm (Super 35 equivalent) is wider than 24 mm")
                                  .arg(std::lround(d.s35EquivalentMm));
    } else if (d.s35EquivalentMm > 85.0) {
        d.perspectivePhrase =
            QStringLiteral("telephoto compression flattens the face and stacks the background "
                           "close behind the subject");
        d.perspectiveReason = QStringLiteral("%1 mm (Super 35 equivalent) is longer than 85 mm")
                                  .arg(std::lround(d.s35EquivalentMm));
    } else {
        d.perspectiveReason = QStringLiteral("%1 mm (Super 35 equivalent) renders natural perspective")
                                  .arg(std::lround(d.s35EquivalentMm));
    }
    return d;
}

} // namespace shotcraft::cinema
