// The studio's bridges to the core: screenplay -> project (import, breakdown, Visual DNA), the live
// prompt of a shot (consistency plan + prompt engine) and the image request for a shot. MainWindow
// installs these by default; tests may replace them.
#pragma once

#include "domain/Project.h"
#include "domain/PromptPackage.h"
#include "domain/Result.h"
#include "providers/ImageProvider.h"

namespace shotcraft::ui {

Result<Project> projectFromScript(const QString &scriptPath);
Result<PromptPackage> livePrompt(const Project &project, Id shotId, PromptDialect dialect);
// The request for one shot: its consistency plan and engine-built prompt, plus the user's changes.
providers::ImageRequest shotRequest(const Project &project, const Shot &shot, const QString &changes,
                                    const providers::ImageProviderCaps &caps);

} // namespace shotcraft::ui
