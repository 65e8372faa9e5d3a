// The prompt inspector dock: the selected shot's PromptPackage — positive, negative, parameters,
// references (thumbnail, role, weight; dropped ones greyed), the rationale table — with a dialect
// switch, copy, and a word diff between two takes' prompts. Shows the live prompt when a prompt
// builder is installed, else the package stored with the approved (or latest) take.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTextBrowser;

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class ThumbnailCache;

class PromptInspector : public QWidget {
    Q_OBJECT
public:
    using PromptBuilder = std::function<Result<PromptPackage>(const Project &, Id shotId, PromptDialect)>;

    PromptInspector(ThumbnailCache *cache, QWidget *parent = nullptr);
    void setDocument(models::ProjectDocument *document);
    void setPromptBuilder(PromptBuilder builder);
    void setShot(Id shotId);
    // Picks two takes of the current shot for the diff (by take id).
    void compareTakes(Id beforeTakeId, Id afterTakeId);

    const PromptPackage &package() const { return m_package; }
    QString diffHtml() const;
    QString clipboardText() const;

private:
    void refresh();
    void refreshTakeChoices();
    void showPackage(const PromptPackage &package, const QString &source);
    void refreshDiff();

    models::ProjectDocument *m_document = nullptr;
    ThumbnailCache *m_cache;
    PromptBuilder m_builder;
    Id m_shotId = 0;
    PromptPackage m_package;

    QLabel *m_source;
    QComboBox *m_dialect;
    QPlainTextEdit *m_positive;
    QPlainTextEdit *m_negative;
    QLabel *m_params;
    QTableWidget *m_references;
    QTableWidget *m_rationale;
    QComboBox *m_diffBefore;
    QComboBox *m_diffAfter;
    QTextBrowser *m_diff;
};

} // namespace shotcraft::ui
