// The shot inspector dock: every field of the selected shot editable (each change one undoable
// command), and the take history strip where a take is circled (approved).
#pragma once

#include "domain/Shot.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace shotcraft::models {
class ProjectDocument;
class TakesModel;
} // namespace shotcraft::models

namespace shotcraft::ui {

class ThumbnailCache;

class ShotInspector : public QWidget {
    Q_OBJECT
public:
    ShotInspector(ThumbnailCache *cache, QUndoStack *undoStack, QWidget *parent = nullptr);

    void setDocument(models::ProjectDocument *document);
    void setShot(Id shotId);
    Id shotId() const { return m_shotId; }
    models::TakesModel *takesModel() const { return m_takes; }
    QListView *takeStrip() const { return m_takeStrip; }

    // Pushes an edit of the current shot (no command when nothing changes).
    void editShot(const QString &label, const std::function<void(Shot &)> &change);
    void approveSelectedTake();

Q_SIGNALS:
    void compareTakesRequested(shotcraft::Id shotId);
    // A new take of the shot through the generation queue (the window owns the queue).
    void regenerateRequested(shotcraft::Id shotId);

private:
    void refresh();
    void refreshBlocking();
    void applyBlockingCell(int row, int column);
    void bindLine(QLineEdit *edit, const QString &label, std::function<void(Shot &, const QString &)> set);

    models::ProjectDocument *m_document = nullptr;
    QUndoStack *m_undo;
    Id m_shotId = 0;
    models::TakesModel *m_takes;
    bool m_refreshing = false;

    QLabel *m_title;
    QLineEdit *m_description;
    QComboBox *m_size;
    QComboBox *m_angle;
    QComboBox *m_movement;
    QDoubleSpinBox *m_focal;
    QDoubleSpinBox *m_aperture;
    QComboBox *m_sensor;
    QComboBox *m_composition;
    QLineEdit *m_compositionNote;
    QLineEdit *m_foreground;
    QLineEdit *m_midground;
    QLineEdit *m_background;
    QTableWidget *m_blocking;
    QLineEdit *m_lighting;
    QLineEdit *m_mood;
    QLineEdit *m_dialogue;
    QDoubleSpinBox *m_duration;
    QPlainTextEdit *m_notes;
    QListView *m_takeStrip;
    QPushButton *m_approve;
};

} // namespace shotcraft::ui
