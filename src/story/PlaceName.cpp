#include "story/PlaceName.h"

#include <QRegularExpression>

namespace shotcraft::story {

namespace {

QStringList wordsUpper(const QString &text) {
    return text.toUpper().split(u' ', Qt::SkipEmptyParts);
}

bool isPossessive(const QString &word) {
    return word.endsWith(QLatin1String("'S")) || word.endsWith(QLatin1String("S'"));
}

const QStringList &leadingPrepositions() {
    static const QStringList words = {
        QStringLiteral("UNDER"),  QStringLiteral("BENEATH"), QStringLiteral("BELOW"),
        QStringLiteral("BEHIND"), QStringLiteral("INSIDE"),  QStringLiteral("OUTSIDE"),
        QStringLiteral("ABOVE"),  QStringLiteral("ON"),      QStringLiteral("IN"),
        QStringLiteral("AT"),     QStringLiteral("NEAR"),    QStringLiteral("BY"),
        QStringLiteral("ATOP"),   QStringLiteral("ACROSS"),  QStringLiteral("BETWEEN"),
        QStringLiteral("OFF")};
    return words;
}

// The head noun decides the preposition and, with no INT./EXT., the side of the wall.
const QStringList &vehicles() {
    static const QStringList words = {
        QStringLiteral("TRUCK"), QStringLiteral("VAN"),       QStringLiteral("CAR"),
        QStringLiteral("CAB"),   QStringLiteral("TAXI"),      QStringLiteral("BUS"),
        QStringLiteral("TRAIN"), QStringLiteral("CARRIAGE"),  QStringLiteral("LORRY"),
        QStringLiteral("JEEP"),  QStringLiteral("AMBULANCE"), QStringLiteral("HELICOPTER"),
        QStringLiteral("PLANE"), QStringLiteral("TRAM"),      QStringLiteral("WAGON"),
        QStringLiteral("CABIN"), QStringLiteral("LIFT"),      QStringLiteral("ELEVATOR")};
    return words;
}
const QStringList &surfaces() {
    static const QStringList words = {
        QStringLiteral("WALL"),    QStringLiteral("ROOF"),    QStringLiteral("ROOFTOP"),
        QStringLiteral("DECK"),    QStringLiteral("PIER"),    QStringLiteral("JETTY"),
        QStringLiteral("QUAY"),    QStringLiteral("DOCK"),    QStringLiteral("PLATFORM"),
        QStringLiteral("BRIDGE"),  QStringLiteral("BEACH"),   QStringLiteral("SHORE"),
        QStringLiteral("STREET"),  QStringLiteral("ROAD"),    QStringLiteral("LANE"),
        QStringLiteral("FIELD"),   QStringLiteral("LAWN"),    QStringLiteral("STAGE"),
        QStringLiteral("TRACK"),   QStringLiteral("RAMP"),    QStringLiteral("RUNWAY"),
        QStringLiteral("BALCONY"), QStringLiteral("TERRACE"), QStringLiteral("STAIRS"),
        QStringLiteral("HILL"),    QStringLiteral("CLIFF"),   QStringLiteral("RIDGE"),
        QStringLiteral("ISLAND"),  QStringLiteral("PORCH"),   QStringLiteral("STEPS"),
        QStringLiteral("HIGHWAY"), QStringLiteral("MOTORWAY")};
    return words;
}
const QStringList &outdoorWords() {
    static const QStringList words = {
        QStringLiteral("PIER"),     QStringLiteral("STREET"),   QStringLiteral("ROAD"),
        QStringLiteral("BEACH"),    QStringLiteral("FIELD"),    QStringLiteral("FOREST"),
        QStringLiteral("WOODS"),    QStringLiteral("PARK"),     QStringLiteral("GARDEN"),
        QStringLiteral("YARD"),     QStringLiteral("BONEYARD"), QStringLiteral("HARBOUR"),
        QStringLiteral("HARBOR"),   QStringLiteral("SHORE"),    QStringLiteral("CLIFF"),
        QStringLiteral("HILL"),     QStringLiteral("BRIDGE"),   QStringLiteral("FOOTBRIDGE"),
        QStringLiteral("ROOFTOP"),  QStringLiteral("ROOF"),     QStringLiteral("DECK"),
        QStringLiteral("QUAY"),     QStringLiteral("JETTY"),    QStringLiteral("DOCK"),
        QStringLiteral("ALLEY"),    QStringLiteral("SQUARE"),   QStringLiteral("CUTTING"),
        QStringLiteral("DESERT"),   QStringLiteral("MOUNTAIN"), QStringLiteral("RIVER"),
        QStringLiteral("LAKE"),     QStringLiteral("SEA"),      QStringLiteral("HIGHWAY"),
        QStringLiteral("CAR PARK"), QStringLiteral("PLATFORM"), QStringLiteral("SKY")};
    return words;
}
const QStringList &indoorWords() {
    static const QStringList words = {
        QStringLiteral("ROOM"),     QStringLiteral("KITCHEN"),  QStringLiteral("BEDROOM"),
        QStringLiteral("OFFICE"),   QStringLiteral("HALL"),     QStringLiteral("HALLWAY"),
        QStringLiteral("CORRIDOR"), QStringLiteral("BATHROOM"), QStringLiteral("CELLAR"),
        QStringLiteral("BASEMENT"), QStringLiteral("ATTIC"),    QStringLiteral("LOBBY"),
        QStringLiteral("STUDIO"),   QStringLiteral("BAR"),      QStringLiteral("CAFE"),
        QStringLiteral("SHOP"),     QStringLiteral("STORE"),    QStringLiteral("CHURCH"),
        QStringLiteral("WARD"),     QStringLiteral("CELL"),     QStringLiteral("BOOTH"),
        QStringLiteral("BOX"),      QStringLiteral("HOLD"),     QStringLiteral("WORKSHOP"),
        QStringLiteral("GARAGE"),   QStringLiteral("FLAT"),     QStringLiteral("APARTMENT"),
        QStringLiteral("LIBRARY")};
    return words;
}

QString cased(const QString &word, const QStringList &properNames) {
    QString bare = word;
    if (isPossessive(bare))
        bare.chop(2);
    const bool proper = isPossessive(word) || properNames.contains(bare, Qt::CaseInsensitive);
    const QString lower = word.toLower();
    return proper && !lower.isEmpty() ? lower.left(1).toUpper() + lower.mid(1) : lower;
}

} // namespace

QString placeName(const QString &location, const QStringList &properNames) {
    QStringList out;
    for (const QString &w : wordsUpper(location))
        out.append(cased(w, properNames));
    return out.join(u' ');
}

QString placeNoun(const QString &location, const QStringList &properNames) {
    QStringList words = wordsUpper(location);
    if (words.size() > 1 && leadingPrepositions().contains(words.first()))
        words.removeFirst();
    if (words.isEmpty())
        return {};
    const QString name = placeName(words.join(u' '), properNames);
    const bool determined = isPossessive(words.first()) || words.first() == QLatin1String("THE") ||
                            words.first() == QLatin1String("A");
    return determined ? name : QStringLiteral("the %1").arg(name);
}

QString placePhrase(const QString &location, const QStringList &properNames) {
    const QStringList words = wordsUpper(location);
    if (words.isEmpty())
        return {};
    if (leadingPrepositions().contains(words.first()))
        return placeName(location, properNames); // "under the pier" already says where
    const QString head = words.last();
    const QString preposition = vehicles().contains(head)   ? QStringLiteral("inside")
                                : surfaces().contains(head) ? QStringLiteral("on")
                                                            : QStringLiteral("in");
    return QStringLiteral("%1 %2").arg(preposition, placeNoun(location, properNames));
}

std::optional<std::pair<InteriorExterior, QString>> inferIntExt(const QString &location) {
    const QStringList words = wordsUpper(location);
    // The head noun first ("PIER BAR" is a bar), then any word, then a leading preposition.
    for (auto it = words.crbegin(); it != words.crend(); ++it) {
        if (indoorWords().contains(*it) || vehicles().contains(*it))
            return std::make_pair(InteriorExterior::Interior, it->toLower());
        if (outdoorWords().contains(*it))
            return std::make_pair(InteriorExterior::Exterior, it->toLower());
    }
    if (!words.isEmpty() &&
        (words.first() == QLatin1String("OUTSIDE") || words.first() == QLatin1String("UNDER")))
        return std::make_pair(InteriorExterior::Exterior, words.first().toLower());
    if (!words.isEmpty() && words.first() == QLatin1String("INSIDE"))
        return std::make_pair(InteriorExterior::Interior, words.first().toLower());
    return std::nullopt;
}

} // namespace shotcraft::story
