#include "dna/DnaBuilder.h"

#include "cinema/KnowledgeBase.h"
#include "dna/CharacterProfiler.h"
#include "dna/ColourTools.h"
#include "dna/LocationProfiler.h"
#include "dna/LookBook.h"
#include "dna/PaletteDesigner.h"
#include "dna/StyleDesigner.h"
#include "domain/Logging.h"

#include <algorithm>
#include <numeric>

namespace shotcraft::dna {

void assignSignatureColours(Project &project) {
    const Palette *film = paletteFor(project, 0);
    QList<QColor> paletteColours;
    double saturation = 1.0;
    if (film) {
        saturation = film->saturation;
        for (const Swatch &s : film->swatches)
            if (s.role == SwatchRole::Key || s.role == SwatchRole::Accent || s.role == SwatchRole::Highlight)
                paletteColours.append(QColor(s.hex));
    }
    // Colours already chosen (by the user or an earlier build) are kept and avoided.
    QList<QColor> taken;
    for (const Character &c : project.characters)
        for (const QString &hex : c.signatureColours)
            taken.append(QColor(hex));
    // Principals choose first, so they get the clearest, most separated colours.
    QList<int> order(project.characters.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return int(project.characters[a].role) < int(project.characters[b].role);
    });
    for (int index : order) {
        Character &c = project.characters[index];
        if (!c.signatureColours.isEmpty())
            continue;
        const int count = c.role == CharacterRole::Principal ? 2 : 1;
        const QList<QColor> picked = harmonisedDistinctColours(paletteColours, count, saturation, taken);
        for (const QColor &colour : picked) {
            c.signatureColours.append(colour.name());
            taken.append(colour);
        }
    }
}

void buildVisualDna(Project &project) {
    buildVisualDna(project, cinema::KnowledgeBase::instance());
}

void buildVisualDna(Project &project, const cinema::KnowledgeBase &kb) {
    // Roles come from the dialogue on the first build only; after that they are the user's.
    if (project.palettes.isEmpty())
        assignRoles(project.characters, project.shots);
    for (Character &c : project.characters)
        fillAppearance(c, project.info, project.characters);
    for (Location &l : project.locations)
        fillLocation(l, project);
    designPalettes(project, kb);
    designStyleTokens(project, kb);
    assignSignatureColours(project);
    buildLookBook(project);
    qCDebug(lcDna) << "Visual DNA:" << project.characters.size() << "characters," << project.locations.size()
                   << "locations," << project.palettes.size() << "palettes," << project.styleTokens.size()
                   << "style tokens," << project.references.size() << "references";
}

} // namespace shotcraft::dna
