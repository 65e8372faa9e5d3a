// Character DNA from the script: role by dialogue weight, and age, build, face, hair, wardrobe and
// distinctive marks read from the description of a character's first appearance. Where the script
// says nothing, plausible defaults by role (varied per character so two extras never look alike).
#pragma once

#include "domain/Project.h"

namespace shotcraft::dna {

// What the description of a first appearance says about a person; empty where it says nothing.
struct AppearanceTraits {
    QString age;
    QString build;
    QString face;
    QString hair;
    QString wardrobe;
    QString marks;
    QString pronoun; // "his", "her", "their"
};

AppearanceTraits readAppearance(const QString &name, const QString &description);

// Principal for the few who carry the dialogue, supporting for those with a real part, else minor.
void assignRoles(QList<Character> &characters, const QList<Shot> &shots);

// Fills every empty appearance field of `character` from its description, else a default that
// none of `others` has (a bare-number age is put into words).
void fillAppearance(Character &character, const ProjectInfo &info, const QList<Character> &others);

} // namespace shotcraft::dna
