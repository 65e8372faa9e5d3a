// Making a project from a script: import (Fountain, Final Draft or prose), the offline breakdown,
// the genre's lenses and framing, and the Visual DNA.
// `shotcraft new`, `shotcraft run` and the window's New-from-script all go through this one function.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

namespace shotcraft::pipeline {

struct ProjectOptions {
    QString genre; // empty: guessed from the script
    QString title; // empty: from the title page or the file name
};

Result<Project> createProjectFromScript(const QString &scriptPath, const ProjectOptions &options = {});

} // namespace shotcraft::pipeline
