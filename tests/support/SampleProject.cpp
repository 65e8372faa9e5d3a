#include "support/SampleProject.h"

#include <QBuffer>
#include <QImage>

namespace shotcraft::test {

Project sampleProject() {
    Project p;
    p.info.title = QStringLiteral("The Last Ferry");
    p.info.genre = QStringLiteral("drama");
    p.info.aspectRatio = 2.39;

    const Id act1 = p.allocateId(), act2 = p.allocateId();
    p.acts = {{act1, 1, QStringLiteral("Setup"), {}}, {act2, 2, QStringLiteral("Confrontation"), {}}};

    Character mara;
    mara.id = p.allocateId();
    mara.name = QStringLiteral("MARA");
    mara.role = CharacterRole::Principal;
    mara.wardrobe = QStringLiteral("mustard oilskin coat, red scarf");
    mara.signatureColours = {QStringLiteral("#c9a227"), QStringLiteral("#b3262e")};
    Character elias;
    elias.id = p.allocateId();
    elias.name = QStringLiteral("ELIAS");
    elias.role = CharacterRole::Principal;
    elias.wardrobe = QStringLiteral("navy wool jumper, captain's cap");
    elias.signatureColours = {QStringLiteral("#1f2a44")};
    p.characters = {mara, elias};

    Location pier{p.allocateId(),
                  QStringLiteral("HARBOUR PIER"),
                  InteriorExterior::Exterior,
                  QStringLiteral("rusted ferry at a timber pier"),
                  {},
                  {},
                  {}};
    Location wheelhouse{p.allocateId(),
                        QStringLiteral("FERRY WHEELHOUSE"),
                        InteriorExterior::Interior,
                        QStringLiteral("brass lamp, charts"),
                        {},
                        {},
                        {}};
    p.locations = {pier, wheelhouse};

    const struct {
        Id act;
        Id location;
        const char *heading;
        TimeOfDay time;
    } scenes[] = {{act1, pier.id, "EXT. HARBOUR PIER - DUSK", TimeOfDay::Dusk},
                  {act1, wheelhouse.id, "INT. FERRY WHEELHOUSE - NIGHT", TimeOfDay::Night},
                  {act2, pier.id, "EXT. HARBOUR PIER - NIGHT", TimeOfDay::Night}};
    int sceneOrder = 0;
    for (const auto &s : scenes) {
        Scene scene;
        scene.id = p.allocateId();
        scene.actId = s.act;
        scene.locationId = s.location;
        scene.number = QString::number(sceneOrder + 1);
        scene.order = sceneOrder++;
        scene.heading = QLatin1String(s.heading);
        scene.timeOfDay = s.time;
        scene.characterIds = {mara.id, elias.id};
        p.scenes.append(scene);
        for (int i = 0; i < 2; ++i) {
            Shot shot;
            shot.id = p.allocateId();
            shot.sceneId = scene.id;
            shot.number = QStringLiteral("%1%2").arg(scene.number).arg(QChar(u'A' + i));
            shot.order = i;
            shot.size = i == 0 ? ShotSize::Wide : ShotSize::CloseUp;
            shot.description = QStringLiteral("Shot %1 of %2").arg(i + 1).arg(scene.heading);
            shot.blocking = {{mara.id, 0.33, Facing::Right, DepthPlane::Midground, {}, {}},
                             {elias.id, 0.66, Facing::Left, DepthPlane::Midground, {}, {}}};
            p.shots.append(shot);
        }
    }
    return p;
}

QByteArray pngBytes(int width, int height, const QColor &colour) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace shotcraft::test
