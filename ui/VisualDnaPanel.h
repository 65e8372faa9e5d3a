// The Visual DNA panel: characters (portrait, reference images — image files dropped from the file
// manager are added —, descriptive fields), locations, the palette editor with swatches and a
// colour picker, style tokens as chips, and the look-book grid. Every DNA edit is undoable and
// says which shots it made stale.
#pragma once

#include "domain/Project.h"

#include <QListWidget>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QUndoStack;
class QHBoxLayout;

namespace shotcraft::models {
class CharactersModel;
class ProjectDocument;
} // namespace shotcraft::models

namespace shotcraft::ui {

class ThumbnailCache;

// A list of reference images that accepts image files dropped from the file manager.
class ReferenceDropList : public QListWidget {
    Q_OBJECT
public:
    explicit ReferenceDropList(QWidget *parent = nullptr);
    static QStringList imagePaths(const QMimeData *mime);

Q_SIGNALS:
    void filesDropped(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
};

class VisualDnaPanel : public QWidget {
    Q_OBJECT
public:
    VisualDnaPanel(ThumbnailCache *cache, QUndoStack *undoStack, QWidget *parent = nullptr);

    void setDocument(models::ProjectDocument *document);
    void selectCharacter(Id characterId);
    Id currentCharacterId() const { return m_characterId; }
    ReferenceDropList *referenceList() const { return m_references; }
    QListView *characterList() const { return m_characters; }
    QLabel *staleLabel() const { return m_stale; }

    // Reads, thumbnails (off the GUI thread) and stores image files as the character's references.
    void addReferenceFiles(Id characterId, const QStringList &paths);
    void editCharacter(const QString &label, const std::function<void(Character &)> &change);
    void setSwatchColour(int swatchIndex, const QColor &colour);
    void addStyleToken(const QString &value);

Q_SIGNALS:
    void regenerateLookBookRequested(const QList<shotcraft::Id> &referenceIds);
    void staleShotsReported(const QString &message);

private:
    void refreshCharacter();
    void refreshReferences();
    void refreshLocations();
    void refreshPalette();
    void refreshStyleTokens();
    void refreshLookBook();
    void reportStale(const QString &what, const QList<Id> &shotIds);

    models::ProjectDocument *m_document = nullptr;
    ThumbnailCache *m_cache;
    QUndoStack *m_undo;
    models::CharactersModel *m_characterModel;
    Id m_characterId = 0;
    bool m_refreshing = false;

    QListView *m_characters;
    QList<QPair<QLineEdit *, QString Character::*>> m_characterFields;
    ReferenceDropList *m_references;
    QListWidget *m_locations;
    QList<QPair<QLineEdit *, QString Location::*>> m_locationFields;
    QComboBox *m_palettes;
    QHBoxLayout *m_swatchRow;
    QListWidget *m_tokens;
    QLineEdit *m_newToken;
    QListWidget *m_lookBook;
    QLabel *m_stale;
};

} // namespace shotcraft::ui
