// Undo commands for every edit the studio makes. Each one writes through ProjectDocument, which
// makes it one ProjectStore transaction; a failed write is reported by the document's error()
// signal (the message bar shows it) and leaves the project as it was.
#pragma once

#include "models/ProjectDocument.h"

#include <QPointer>
#include <QUndoCommand>

#include <functional>

namespace shotcraft::ui {

// Replaces one entity (shot, character, palette, project settings, ...) with an edited copy.
template <typename T> class SaveEntityCommand : public QUndoCommand {
public:
    using Saver = Status (models::ProjectDocument::*)(const T &);
    SaveEntityCommand(models::ProjectDocument *document, Saver saver, T before, T after, const QString &text,
                      std::function<void()> afterRedo = {})
        : QUndoCommand(text)
        , m_document(document)
        , m_saver(saver)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_afterRedo(std::move(afterRedo)) {}
    void redo() override {
        if (m_document && (m_document->*m_saver)(m_after).ok() && m_afterRedo)
            m_afterRedo();
    }
    void undo() override {
        if (m_document)
            (void)(m_document->*m_saver)(m_before);
    }

private:
    QPointer<models::ProjectDocument> m_document;
    Saver m_saver;
    T m_before;
    T m_after;
    std::function<void()> m_afterRedo;
};

// Adds an entity (a reference image, a style token) on redo and removes it on undo, or the reverse.
template <typename T> class AddEntityCommand : public QUndoCommand {
public:
    using Saver = Status (models::ProjectDocument::*)(const T &);
    using Remover = Status (models::ProjectDocument::*)(Id);
    AddEntityCommand(models::ProjectDocument *document, Saver saver, Remover remover, T value, bool adding,
                     const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_saver(saver)
        , m_remover(remover)
        , m_value(std::move(value))
        , m_adding(adding) {}
    void redo() override { apply(m_adding); }
    void undo() override { apply(!m_adding); }

private:
    void apply(bool add) {
        if (!m_document)
            return;
        if (add)
            (void)(m_document->*m_saver)(m_value);
        else
            (void)(m_document->*m_remover)(m_value.id);
    }
    QPointer<models::ProjectDocument> m_document;
    Saver m_saver;
    Remover m_remover;
    T m_value;
    bool m_adding;
};

class MoveShotCommand : public QUndoCommand {
public:
    MoveShotCommand(models::ProjectDocument *document, Id shotId, int from, int to);
    void redo() override;
    void undo() override;

private:
    QPointer<models::ProjectDocument> m_document;
    Id m_shotId;
    int m_from;
    int m_to;
};

// Convenience constructors for the common edits.
QUndoCommand *editShotCommand(models::ProjectDocument *document, const Shot &after, const QString &text);
QUndoCommand *approveTakeCommand(models::ProjectDocument *document, Id shotId, Id takeId);

} // namespace shotcraft::ui
