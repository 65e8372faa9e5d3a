// shotcraft dna PROJECT: the film's Visual DNA (characters, locations, palettes, style tokens, look
// book); --build fills what is missing from the breakdown and stores it.
#include "cli/Commands.h"
#include "cli/OpenedProject.h"
#include "dna/DnaBuilder.h"
#include "dna/Identity.h"
#include "dna/LookBook.h"
#include "dna/StyleDesigner.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

namespace {
// Stores every DNA entity of `project` as one edit.
Status saveDna(storage::ProjectStore &store, const Project &project) {
    return store.transaction([&]() -> Status {
        for (const Character &c : project.characters)
            if (Status s = store.save(c); !s)
                return s;
        for (const Location &l : project.locations)
            if (Status s = store.save(l); !s)
                return s;
        for (const Palette &p : project.palettes)
            if (Status s = store.save(p); !s)
                return s;
        for (const StyleToken &t : project.styleTokens)
            if (Status s = store.save(t); !s)
                return s;
        for (const ReferenceImage &r : project.references)
            if (Status s = store.save(r); !s)
                return s;
        return Status::success();
    });
}
} // namespace

int runDna(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show a project's Visual DNA: characters, locations, "
                                                    "palettes, style tokens and the look book."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    const QCommandLineOption build(QStringLiteral("build"),
                                   QStringLiteral("Build the missing DNA from the breakdown and store it "
                                                  "(edits are kept)."));
    parser.addOption(build);
    if (!io.parse(parser, QStringLiteral("dna"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1)
        return io.fail(QStringLiteral("usage: shotcraft dna PROJECT [--build] [--json]"), ExitUsage);

    Result<OpenedProject> opened = openProject(parser.positionalArguments().first());
    if (!opened)
        return io.fail(opened.error());
    if (parser.isSet(build)) {
        dna::buildVisualDna(opened->project);
        if (Status saved = saveDna(*opened->store, opened->project); !saved)
            return io.fail(saved.error());
    }
    const Project &p = opened->project;
    QList<ReferenceImage> lookBook;
    for (const ReferenceImage *r : dna::lookBookFrames(p))
        lookBook.append(*r);
    if (io.json()) {
        io.printJson({{"characters", p.characters},
                      {"locations", p.locations},
                      {"palettes", p.palettes},
                      {"styleTokens", p.styleTokens},
                      {"lookBook", lookBook},
                      {"references", p.references}});
        return ExitSuccess;
    }
    QTextStream &out = io.out();
    out << "Characters:\n";
    for (const Character &c : p.characters)
        out << "  [" << enumName(c.role) << "] " << dna::identityTokens(p, c, 0) << '\n';
    out << "\nLocations:\n";
    for (const Location &l : p.locations)
        out << "  " << dna::locationTokens(p, l) << '\n';
    out << "\nPalettes:\n";
    for (const Palette &pal : p.palettes) {
        QStringList swatches;
        for (const Swatch &s : pal.swatches)
            swatches.append(s.hex);
        out << "  " << pal.name << " (" << pal.temperatureK << " K, sat " << pal.saturation << ") "
            << swatches.join(QLatin1Char(' ')) << "\n    " << pal.rationale << '\n';
    }
    out << "\nStyle: " << dna::styleTokenValues(p).join(QStringLiteral("; ")) << "\n\nLook book:\n";
    for (const ReferenceImage &r : lookBook)
        out << "  #" << r.id << ' ' << r.label << (r.imageId ? "" : " (not generated)") << '\n';
    if (p.characters.isEmpty() && p.palettes.isEmpty())
        io.err() << "no DNA yet: run `shotcraft dna PROJECT --build`\n";
    return ExitSuccess;
}

} // namespace shotcraft::cli
