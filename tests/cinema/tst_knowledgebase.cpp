// The cinematography knowledge base loads from the compiled resources, covers every genre, emotion,
// shot size and composition rule the engine asks for, and agrees with the reference facts.
#include "cinema/KnowledgeBase.h"

#include <QColor>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::cinema;

class TestKnowledgeBase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsFromResources();
    void everyGenreIsComplete_data();
    void everyGenreIsComplete();
    void genreNames_data();
    void genreNames();
    void emotionsFromMood_data();
    void emotionsFromMood();
    void emotionalColourTheory();
    void shotSizeFocalRanges_data();
    void shotSizeFocalRanges();
    void everyCompositionRuleExplained();
    void periodNegatives_data();
    void periodNegatives();
    void damagedDataIsRefused();
};

void TestKnowledgeBase::loadsFromResources() {
    auto kb = KnowledgeBase::load(QStringLiteral(":/cinema"));
    QVERIFY2(kb.ok(), qPrintable(kb.error()));
    QCOMPARE(KnowledgeBase::instance().genreNames(), kb->genreNames());
    QVERIFY(KnowledgeBase::instance().baseNegative().contains(QStringLiteral("watermark")));
}

void TestKnowledgeBase::everyGenreIsComplete_data() {
    QTest::addColumn<QString>("genre");
    for (const char *g : {"drama", "thriller", "horror", "comedy", "romance", "science fiction", "fantasy",
                          "western", "noir", "action", "documentary", "animation"})
        QTest::newRow(g) << QString::fromLatin1(g);
}

void TestKnowledgeBase::everyGenreIsComplete() {
    QFETCH(QString, genre);
    const KnowledgeBase &kb = KnowledgeBase::instance();
    QVERIFY(kb.isKnownGenre(genre));
    const GenreProfile &g = kb.genre(genre);
    QCOMPARE(g.name, genre);
    QVERIFY(g.palettes.size() >= 2);
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-f]{6}$"));
    for (const GenrePalette &p : g.palettes) {
        QVERIFY(!p.name.isEmpty());
        for (SwatchRole role :
             {SwatchRole::Key, SwatchRole::Shadow, SwatchRole::Highlight, SwatchRole::Accent})
            QVERIFY2(p.swatch(role), qPrintable(p.name));
        for (const Swatch &s : p.swatches)
            QVERIFY(hex.match(s.hex).hasMatch());
        QVERIFY(p.temperatureK >= 2000 && p.temperatureK <= 10000);
    }
    QVERIFY(!g.lighting.isEmpty());
    for (const LightingStyle &l : g.lighting)
        QVERIFY(!l.description.isEmpty() && l.keyToFill.contains(QLatin1Char(':')));
    QVERIFY(g.lenses.focalLengthsMm.size() >= 4);
    QVERIFY(g.lenses.apertureShallow < g.lenses.apertureDeep);
    QVERIFY(!g.movement.isEmpty());
    QVERIFY(!g.compositions.isEmpty());
    QVERIFY(!g.negative.isEmpty());
    QVERIFY(!g.filmStock.isEmpty() && !g.grain.isEmpty() && !g.grade.isEmpty());
    QVERIFY(!g.referenceFilms.isEmpty());
    QVERIFY(g.contrast > 0 && g.contrast <= 1);
}

void TestKnowledgeBase::genreNames_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sci-fi") << "Sci-Fi"
                            << "science fiction";
    QTest::newRow("science-fiction") << "science-fiction"
                                     << "science fiction";
    QTest::newRow("SF") << "SF"
                        << "science fiction";
    QTest::newRow("film noir") << "Film Noir"
                               << "noir";
    QTest::newRow("compound") << "Romance / Drama"
                              << "romance";
    QTest::newRow("phrase") << "a dark psychological thriller"
                            << "thriller";
    QTest::newRow("rom-com") << "rom-com"
                             << "romance";
    QTest::newRow("unknown") << "opera buffa"
                             << "drama";
    QTest::newRow("empty") << ""
                           << "drama";
}

void TestKnowledgeBase::genreNames() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(KnowledgeBase::instance().normaliseGenre(text), expected);
    QCOMPARE(KnowledgeBase::instance().genre(text).name, expected);
}

void TestKnowledgeBase::emotionsFromMood_data() {
    QTest::addColumn<QString>("mood");
    QTest::addColumn<QString>("emotion");
    QTest::newRow("grief") << "Melancholy, quiet"
                           << "grief";
    QTest::newRow("first keyword wins") << "dread giving way to hope"
                                        << "dread";
    QTest::newRow("love") << "tender"
                          << "love";
    QTest::newRow("tension") << "TENSE"
                             << "tension";
    QTest::newRow("no match") << "blue"
                              << "neutral";
    QTest::newRow("empty") << ""
                           << "neutral";
    QTest::newRow("word boundary") << "madder"
                                   << "neutral";
}

void TestKnowledgeBase::emotionsFromMood() {
    QFETCH(QString, mood);
    QFETCH(QString, emotion);
    QCOMPARE(KnowledgeBase::instance().emotionFor(mood).name, emotion);
}

void TestKnowledgeBase::emotionalColourTheory() {
    // The reference's emotional shifts: warm and saturated for love, cool and desaturated for grief
    // and dread, red for danger, green for unease, purple for mystery.
    const KnowledgeBase &kb = KnowledgeBase::instance();
    const auto hueOf = [](const EmotionProfile *e) {
        return QColor::fromString(e->accent->hex).hslHue();
    };
    const EmotionProfile *love = kb.emotion(QStringLiteral("love"));
    const EmotionProfile *grief = kb.emotion(QStringLiteral("grief"));
    const EmotionProfile *dread = kb.emotion(QStringLiteral("dread"));
    QVERIFY(love && grief && dread);
    QVERIFY(love->temperatureShiftK < 0 && love->saturationScale > 1.0);
    QVERIFY(grief->temperatureShiftK > 0 && grief->saturationScale < 1.0);
    QVERIFY(dread->temperatureShiftK > 0 && dread->saturationScale < 1.0);
    QCOMPARE(dread->lightingKey, QStringLiteral("low-key"));
    QCOMPARE(love->lightingKey, QStringLiteral("high-key"));
    const int danger = hueOf(kb.emotion(QStringLiteral("danger")));
    QVERIFY(danger < 15 || danger > 345);
    const int unease = hueOf(kb.emotion(QStringLiteral("unease")));
    QVERIFY(unease > 60 && unease < 150);
    const int mystery = hueOf(kb.emotion(QStringLiteral("mystery")));
    QVERIFY(mystery > 250 && mystery < 300);
}

void TestKnowledgeBase::shotSizeFocalRanges_data() {
    QTest::addColumn<ShotSize>("size");
    QTest::addColumn<double>("minMm");
    QTest::addColumn<double>("maxMm");
    QTest::addColumn<double>("span");
    QTest::newRow("EWS") << ShotSize::ExtremeWide << 14.0 << 24.0 << 20.0;
    QTest::newRow("WS") << ShotSize::Wide << 18.0 << 35.0 << 2.5;
    QTest::newRow("MWS") << ShotSize::MediumWide << 25.0 << 40.0 << 1.3;
    QTest::newRow("MS") << ShotSize::Medium << 32.0 << 50.0 << 0.9;
    QTest::newRow("MCU") << ShotSize::MediumCloseUp << 50.0 << 75.0 << 0.6;
    QTest::newRow("CU") << ShotSize::CloseUp << 75.0 << 100.0 << 0.35;
    QTest::newRow("ECU") << ShotSize::ExtremeCloseUp << 100.0 << 135.0 << 0.1;
}

void TestKnowledgeBase::shotSizeFocalRanges() {
    QFETCH(ShotSize, size);
    QFETCH(double, minMm);
    QFETCH(double, maxMm);
    QFETCH(double, span);
    const ShotSizeProfile &p = KnowledgeBase::instance().shotSize(size);
    QCOMPARE(p.size, size);
    QCOMPARE(p.minFocalMm, minMm);
    QCOMPARE(p.maxFocalMm, maxMm);
    QCOMPARE(p.spanM, span);
    QVERIFY(!p.framing.isEmpty());
}

void TestKnowledgeBase::everyCompositionRuleExplained() {
    for (int r = 0; r <= static_cast<int>(CompositionRule::GoldenRatio); ++r) {
        const auto rule = static_cast<CompositionRule>(r);
        const CompositionProfile &c = KnowledgeBase::instance().composition(rule);
        QCOMPARE(c.rule, rule);
        QVERIFY(!c.name.isEmpty() && !c.description.isEmpty() && !c.whenChosen.isEmpty());
    }
}

void TestKnowledgeBase::periodNegatives_data() {
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("mustHave");
    QTest::addColumn<QString>("mustNotHave");
    QTest::newRow("1950s") << "1950s"
                           << "smartphones"
                           << "cars";
    QTest::newRow("1880") << "1880, Texas"
                          << "neon signs"
                          << "cars";
    QTest::newRow("victorian") << "Victorian London"
                               << "smartphones"
                               << "";
    QTest::newRow("1700") << "1700"
                          << "electric light bulbs"
                          << "";
    QTest::newRow("contemporary") << ""
                                  << ""
                                  << "smartphones";
}

void TestKnowledgeBase::periodNegatives() {
    QFETCH(QString, period);
    QFETCH(QString, mustHave);
    QFETCH(QString, mustNotHave);
    const QStringList list = KnowledgeBase::instance().periodNegative(period);
    if (mustHave.isEmpty())
        QVERIFY(list.isEmpty());
    else
        QVERIFY2(list.contains(mustHave), qPrintable(list.join(QStringLiteral(", "))));
    if (!mustNotHave.isEmpty())
        QVERIFY(!list.contains(mustNotHave));
}

void TestKnowledgeBase::damagedDataIsRefused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList files = {QStringLiteral("genres.json"), QStringLiteral("emotions.json"),
                               QStringLiteral("shot-sizes.json"), QStringLiteral("composition.json"),
                               QStringLiteral("negatives.json")};
    for (const QString &f : files)
        QVERIFY(QFile::copy(QStringLiteral(":/cinema/") + f, dir.filePath(f)));
    for (const QString &f : files)
        QFile::setPermissions(dir.filePath(f), QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(KnowledgeBase::load(dir.path()).ok());

    // A typo in a composition name must not load silently.
    QFile genres(dir.filePath(QStringLiteral("genres.json")));
    QVERIFY(genres.open(QIODevice::ReadOnly));
    QByteArray text = genres.readAll();
    genres.close();
    text.replace("\"short-siding\"", "\"short-sighting\"");
    QVERIFY(genres.open(QIODevice::WriteOnly | QIODevice::Truncate));
    genres.write(text);
    genres.close();
    auto broken = KnowledgeBase::load(dir.path());
    QVERIFY(!broken.ok());
    QVERIFY(broken.error().contains(QStringLiteral("short-sighting")));

    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("emotions.json"))));
    QVERIFY(!KnowledgeBase::load(dir.path()).ok());
}

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
