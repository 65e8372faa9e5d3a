// The studio's bridges to the core: screenplay -> project (import, breakdown, Visual DNA), the live
// prompt of a shot (consistency plan + prompt engine) and how the generation queue builds the
// window's requests. MainWindow installs these by default; tests may replace them.
#pragma once

#include "domain/Project.h"
#include "domain/PromptPackage.h"
#include "domain/Result.h"
#include "pipeline/RequestBuilder.h"

#include <functional>

namespace shotcraft::ui {

Result<Project> projectFromScript(const QString &scriptPath);
Result<PromptPackage> livePrompt(const Project &project, Id shotId, PromptDialect dialect);
// The queue's request builder for the window: the pipeline's default, plus the user's "regenerate
// with changes" text for a shot's job (`changesOf(jobId)`).
pipeline::RequestBuilder studioRequestBuilder(std::function<QString(Id jobId)> changesOf);
// The lens and composition rule the film's genre would give the shot (for its size and mood).
void takeGenreLensAndComposition(const Project &project, Shot &shot);
// After an edit from `before` to `after`: a lens (or composition rule) that was the genre's pick
// and that the edit left alone becomes the genre's pick for the edited shot, so a new size or mood
// brings its lens; one set by hand stays as set.
void followGenrePick(const Project &project, const Shot &before, Shot &after);

} // namespace shotcraft::ui
