// The prompt engine on a whole screenplay (the in-repo "Salt and Signal"; built again with
// SHOTCRAFT_CORPUS_LAYER, label `corpus`, on Big Fish of the screenplay corpus) made into a project as
// `shotcraft new` makes it (import, breakdown, the genre's lenses, Visual DNA) and given consistency plans by
// the DNA module, then every shot's package checked field by field (lens, composition, staging, blocking,
// palette, lighting, identity, negative), the tag dialect's token budget, genre sensitivity and
// determinism.
#include "cinema/DialectRenderer.h"
#include "cinema/PromptEngine.h"
#include "dna/ConsistencyPlanner.h"
#include "pipeline/ProjectFactory.h"
#include "support/TestPaths.h"

#include <QRegularExpression>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::cinema;

namespace {

QString scriptPath() {
#ifdef SHOTCRAFT_CORPUS_LAYER
    return test::corpusPath(QStringLiteral("samples/Big-Fish.fountain"));
#else
    return test::fixturePath(QStringLiteral("salt-and-signal.fountain"));
#endif
}

Result<Project> film(const QString &genre = {}) {
    return pipeline::createProjectFromScript(scriptPath(), {genre, {}});
}

QString rationale(const PromptPackage &p, const QString &aspect, bool reason = false) {
    for (const RationaleEntry &e : p.rationale)
        if (e.aspect == aspect)
            return reason ? e.reason : e.choice;
    return {};
}

} // namespace

class TestPromptFields : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyShotCarriesEveryField();
    void tagDialectWithinBudget();
    void genreChangesPaletteAndLens();
    void deterministic();

private:
    Project m_project;
};

void TestPromptFields::initTestCase() {
    const auto project = film();
    QVERIFY2(project, qPrintable(project.error()));
    m_project = *project;
    QVERIFY(m_project.shots.size() > 20);
    QVERIFY(!m_project.characters.isEmpty());
}

void TestPromptFields::everyShotCarriesEveryField() {
    static const QRegularExpression lens(QStringLiteral("\\b(\\d+) mm lens at T([\\d.]+) on "));
    static const QRegularExpression namedHex(QStringLiteral("[a-z]+ \\(#[0-9a-f]{6}\\)"));
    int withPeople = 0;
    for (const Shot &shot : m_project.shots) {
        const QByteArray where = QByteArrayLiteral("shot ") + shot.number.toUtf8();
        const ConsistencyPlan plan = dna::planShot(m_project, shot.id, 3);
        const PromptPackage pkg = buildPrompt(m_project, shot, plan, {});
        const QString &text = pkg.positive;

        // Lens: focal length, aperture and their consequence.
        QVERIFY2(lens.match(text).hasMatch(), where);
        QVERIFY2(text.contains(QLatin1String("depth of field")) || text.contains(QLatin1String("deep focus")),
                 where);
        // A composition rule, named.
        const QString rule = rationale(pkg, QStringLiteral("composition"));
        QVERIFY2(!rule.isEmpty() && text.contains(QStringLiteral("Composition by ") + rule), where);
        // Staging in all three planes, none empty.
        static const QRegularExpression staging(
            QStringLiteral("Foreground: [^;]+; midground: [^;]+; background: [^.]+\\."));
        QVERIFY2(staging.match(text).hasMatch(), where);
        // Blocking for each character in frame.
        int blockingEntries = 0;
        for (const RationaleEntry &e : pkg.rationale)
            blockingEntries += e.aspect == QLatin1String("blocking") ? 1 : 0;
        QCOMPARE(blockingEntries, shot.blocking.size());
        for (const Blocking &b : shot.blocking) {
            QString name;
            for (const CharacterIdentity &c : plan.characters)
                if (c.characterId == b.characterId)
                    name = c.name;
            QVERIFY2(!name.isEmpty(), where + " (character without identity in the plan)");
            QVERIFY2(text.contains(name + QStringLiteral(" at the ")), where + ' ' + name.toUtf8());
        }
        withPeople += shot.blocking.isEmpty() ? 0 : 1;
        // Palette colours, named with hex.
        QVERIFY2(text.contains(QLatin1String("Colour palette")), where);
        QVERIFY2(text.count(namedHex) >= 3, where);
        // Lighting.
        QVERIFY2(text.contains(QLatin1String("Lighting: ")), where);
        QVERIFY2(!rationale(pkg, QStringLiteral("lighting")).isEmpty(), where);
        // Identity tokens, verbatim.
        QCOMPARE(pkg.identityTokens.size(), plan.characters.size());
        for (const CharacterIdentity &c : plan.characters)
            QVERIFY2(!c.tokens.isEmpty() && text.contains(c.tokens), where + ' ' + c.tokens.toUtf8());
        // Negative prompt: base plus at least the genre's additions.
        QVERIFY2(pkg.negative.contains(QLatin1String("watermark")), where);
        QVERIFY2(!rationale(pkg, QStringLiteral("negative: genre")).isEmpty(), where);
        // The plan passes through unchanged.
        QCOMPARE(pkg.references, plan.references);
        QCOMPARE(pkg.params.seed, plan.seed);
        QCOMPARE(pkg.dnaHash, plan.dnaHash);
    }
    QVERIFY(withPeople > m_project.shots.size() / 2);
}

void TestPromptFields::tagDialectWithinBudget() {
    PromptOptions options;
    options.dialect = PromptDialect::Sdxl;
    for (const Shot &shot : m_project.shots) {
        const PromptPackage pkg = buildPrompt(m_project, shot, dna::planShot(m_project, shot.id, 3), options);
        const QStringList chunks = pkg.positive.split(QStringLiteral(" BREAK "));
        QVERIFY(chunks.size() <= defaultMaxChunks(PromptDialect::Sdxl));
        for (const QString &chunk : chunks)
            QVERIFY2(clipTokenCount(chunk) <= kClipChunkTokens, qPrintable(chunk));
        QVERIFY2(pkg.positive.contains(QRegularExpression(QStringLiteral("\\(\\d+mm lens:1\\.1\\)"))),
                 qPrintable(pkg.positive));
    }
}

void TestPromptFields::genreChangesPaletteAndLens() {
    const auto noirProject = film(QStringLiteral("noir"));
    QVERIFY2(noirProject, qPrintable(noirProject.error()));
    const Project &noir = *noirProject;
    QCOMPARE(noir.shots.size(), m_project.shots.size());
    int paletteDiffers = 0, lensDiffers = 0;
    for (int i = 0; i < m_project.shots.size(); ++i) {
        const Shot &a = m_project.shots.at(i);
        const Shot &b = noir.shots.at(i);
        const PromptPackage pa = buildPrompt(m_project, a, dna::planShot(m_project, a.id, 3), {});
        const PromptPackage pb = buildPrompt(noir, b, dna::planShot(noir, b.id, 3), {});
        paletteDiffers +=
            rationale(pa, QStringLiteral("palette")) != rationale(pb, QStringLiteral("palette")) ? 1 : 0;
        lensDiffers += rationale(pa, QStringLiteral("lens")) != rationale(pb, QStringLiteral("lens")) ? 1 : 0;
        QVERIFY(rationale(pb, QStringLiteral("lens"), true).contains(QLatin1String("noir lens set")));
    }
    QCOMPARE(paletteDiffers, m_project.shots.size());
    QVERIFY(lensDiffers > m_project.shots.size() / 2);
}

void TestPromptFields::deterministic() {
    const auto againProject = film();
    QVERIFY2(againProject, qPrintable(againProject.error()));
    const Project &again = *againProject;
    for (PromptDialect dialect : {PromptDialect::Natural, PromptDialect::Sd15}) {
        PromptOptions options;
        options.dialect = dialect;
        for (int i = 0; i < m_project.shots.size(); i += 7) {
            const Shot &s = m_project.shots.at(i);
            const QByteArray a =
                toJsonBytes(Json(buildPrompt(m_project, s, dna::planShot(m_project, s.id, 3), options)));
            const QByteArray b = toJsonBytes(Json(buildPrompt(
                again, again.shots.at(i), dna::planShot(again, again.shots.at(i).id, 3), options)));
            QCOMPARE(a, b);
        }
    }
}

#ifdef SHOTCRAFT_CORPUS_LAYER
SHOTCRAFT_CORPUS_TEST_MAIN(TestPromptFields)
#else
QTEST_GUILESS_MAIN(TestPromptFields)
#endif
#include "tst_promptfields.moc"
