#include "VisualDnaPanel.h"

#include "EditCommands.h"
#include "ThumbnailCache.h"
#include "ThumbnailDelegate.h"
#include "dna/ConsistencyPlanner.h"
#include "dna/Staleness.h"
#include "models/CharactersModel.h"
#include "models/ProjectDocument.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace shotcraft::ui {

namespace {
constexpr int idRole = Qt::UserRole + 1;
constexpr int imageRole = Qt::UserRole + 2;
} // namespace

ReferenceDropList::ReferenceDropList(QWidget *parent)
    : QListWidget(parent) {
    setAcceptDrops(true);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setDragDropMode(QAbstractItemView::DropOnly);
    // A static QListView turns drops off on its viewport; files from the file manager land there.
    viewport()->setAcceptDrops(true);
}

QStringList ReferenceDropList::imagePaths(const QMimeData *mime) {
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QUrl &url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (!path.isEmpty() && formats.contains(QFileInfo(path).suffix().toLower().toLatin1()))
            paths.append(path);
    }
    return paths;
}

void ReferenceDropList::dragEnterEvent(QDragEnterEvent *event) {
    if (imagePaths(event->mimeData()).isEmpty())
        return event->ignore();
    event->acceptProposedAction();
}

void ReferenceDropList::dragMoveEvent(QDragMoveEvent *event) {
    if (imagePaths(event->mimeData()).isEmpty())
        return event->ignore();
    event->acceptProposedAction();
}

void ReferenceDropList::dropEvent(QDropEvent *event) {
    const QStringList paths = imagePaths(event->mimeData());
    if (paths.isEmpty())
        return event->ignore();
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

VisualDnaPanel::VisualDnaPanel(ThumbnailCache *cache, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_undo(undoStack)
    , m_characterModel(new models::CharactersModel(this)) {
    setObjectName(QStringLiteral("visualDnaPanel"));
    auto *tabs = new QTabWidget(this);

    // Characters: list with portraits, fields, reference images.
    m_characters = new QListView(this);
    m_characters->setModel(m_characterModel);
    m_characters->setItemDelegate(
        new ThumbnailDelegate(cache, models::CharactersModel::PortraitImageIdRole, QSize(56, 56), this));
    m_characters->setViewMode(QListView::IconMode);
    m_characters->setResizeMode(QListView::Adjust);
    m_characters->setMovement(QListView::Static);
    m_characters->setMaximumHeight(100);
    auto *characterForm = new QFormLayout;
    const QList<QPair<QString, QString Character::*>> characterFields{
        {tr("Name"), &Character::name},         {tr("Description"), &Character::description},
        {tr("Age"), &Character::age},           {tr("Build"), &Character::build},
        {tr("Face"), &Character::face},         {tr("Hair"), &Character::hair},
        {tr("Wardrobe"), &Character::wardrobe}, {tr("Marks"), &Character::distinctiveMarks}};
    for (const auto &[label, member] : characterFields) {
        auto *edit = new QLineEdit(this);
        characterForm->addRow(label, edit);
        m_characterFields.append({edit, member});
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, member, label] {
            editCharacter(tr("Edit %1").arg(label.toLower()),
                          [&](Character &c) { c.*member = edit->text(); });
        });
    }
    m_references = new ReferenceDropList(this);
    m_references->setObjectName(QStringLiteral("characterReferences"));
    m_references->setItemDelegate(new ThumbnailDelegate(cache, imageRole, QSize(80, 80), this));
    m_references->setToolTip(tr("Drop image files here to add them as this character's references"));
    connect(m_references, &ReferenceDropList::filesDropped, this,
            [this](const QStringList &paths) { addReferenceFiles(m_characterId, paths); });
    auto *characterPage = new QWidget(this);
    auto *characterLayout = new QVBoxLayout(characterPage);
    characterLayout->addWidget(m_characters);
    characterLayout->addLayout(characterForm);
    characterLayout->addWidget(new QLabel(tr("Reference images (drop files here)"), this));
    characterLayout->addWidget(m_references, 1);
    tabs->addTab(characterPage, tr("Characters"));
    connect(m_characters->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_characterId = m_characterModel->characterIdAt(current.row());
                refreshCharacter();
            });

    // Locations.
    m_locations = new QListWidget(this);
    auto *locationForm = new QFormLayout;
    const QList<QPair<QString, QString Location::*>> locationFields{
        {tr("Description"), &Location::description},
        {tr("Architecture"), &Location::architecture},
        {tr("Set dressing"), &Location::setDressing},
        {tr("Light sources"), &Location::lightSources}};
    for (const auto &[label, member] : locationFields) {
        auto *edit = new QLineEdit(this);
        locationForm->addRow(label, edit);
        m_locationFields.append({edit, member});
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, member, label] {
            const Location *loc =
                m_document && m_locations->currentItem()
                    ? m_document->project().location(m_locations->currentItem()->data(idRole).toLongLong())
                    : nullptr;
            if (!loc || m_refreshing || loc->*member == edit->text())
                return;
            Location after = *loc;
            after.*member = edit->text();
            const Id id = after.id;
            m_undo->push(new SaveEntityCommand<Location>(
                m_document, &models::ProjectDocument::saveLocation, *loc, after,
                tr("Edit location %1").arg(label.toLower()),
                [this, id] { reportStale(tr("location"), m_document->shotsAtLocation(id)); }));
        });
    }
    connect(m_locations, &QListWidget::currentRowChanged, this, [this] {
        m_refreshing = true;
        const Location *loc =
            m_document && m_locations->currentItem()
                ? m_document->project().location(m_locations->currentItem()->data(idRole).toLongLong())
                : nullptr;
        for (const auto &[edit, member] : std::as_const(m_locationFields))
            edit->setText(loc ? loc->*member : QString());
        m_refreshing = false;
    });
    auto *locationPage = new QWidget(this);
    auto *locationLayout = new QVBoxLayout(locationPage);
    locationLayout->addWidget(m_locations, 1);
    locationLayout->addLayout(locationForm);
    tabs->addTab(locationPage, tr("Locations"));

    // Palette and style tokens.
    m_palettes = new QComboBox(this);
    connect(m_palettes, &QComboBox::currentIndexChanged, this, &VisualDnaPanel::refreshPalette);
    m_swatchRow = new QHBoxLayout;
    m_tokens = new QListWidget(this);
    m_tokens->setObjectName(QStringLiteral("styleTokens"));
    m_tokens->setViewMode(QListView::IconMode);
    m_tokens->setFlow(QListView::LeftToRight);
    m_tokens->setWrapping(true);
    m_tokens->setResizeMode(QListView::Adjust);
    m_tokens->setMovement(QListView::Static);
    m_tokens->setSpacing(4);
    m_tokens->setStyleSheet(
        QStringLiteral("QListWidget::item { border: 1px solid palette(mid); border-radius: 9px; "
                       "padding: 2px 8px; }"));
    m_tokens->setToolTip(tr("Style tokens carried in every prompt; Delete removes the selected one"));
    m_newToken = new QLineEdit(this);
    m_newToken->setPlaceholderText(
        tr("Add a style token (e.g. \u201CKodak Vision3 500T\u201D) and press Enter"));
    connect(m_newToken, &QLineEdit::returnPressed, this, [this] {
        addStyleToken(m_newToken->text());
        m_newToken->clear();
    });
    auto *removeToken = new QToolButton(this);
    removeToken->setText(tr("Remove token"));
    removeToken->setShortcut(QKeySequence::Delete);
    connect(removeToken, &QToolButton::clicked, this, [this] {
        QListWidgetItem *item = m_tokens->currentItem();
        if (!item || !m_document)
            return;
        const Id id = item->data(idRole).toLongLong();
        for (const StyleToken &t : m_document->project().styleTokens)
            if (t.id == id)
                m_undo->push(new AddEntityCommand<StyleToken>(
                    m_document, &models::ProjectDocument::saveStyleToken,
                    &models::ProjectDocument::removeStyleToken, t, false, tr("Remove style token")));
    });
    auto *palettePage = new QWidget(this);
    auto *paletteLayout = new QVBoxLayout(palettePage);
    paletteLayout->addWidget(m_palettes);
    paletteLayout->addLayout(m_swatchRow);
    paletteLayout->addWidget(new QLabel(tr("Style tokens"), this));
    paletteLayout->addWidget(m_tokens, 1);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_newToken, 1);
    tokenRow->addWidget(removeToken);
    paletteLayout->addLayout(tokenRow);
    tabs->addTab(palettePage, tr("Palette && style"));

    // Look book: every reference frame the DNA plans, with its image once generated.
    m_lookBook = new QListWidget(this);
    m_lookBook->setObjectName(QStringLiteral("lookBook"));
    m_lookBook->setViewMode(QListView::IconMode);
    m_lookBook->setResizeMode(QListView::Adjust);
    m_lookBook->setMovement(QListView::Static);
    m_lookBook->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_lookBook->setItemDelegate(new ThumbnailDelegate(cache, imageRole, QSize(128, 72), this));
    auto *regenerate = new QPushButton(tr("Regenerate selected frames"), this);
    connect(regenerate, &QPushButton::clicked, this, [this] {
        QList<Id> ids;
        for (QListWidgetItem *item : m_lookBook->selectedItems())
            ids.append(item->data(idRole).toLongLong());
        if (!ids.isEmpty())
            Q_EMIT regenerateLookBookRequested(ids);
    });
    auto *lookPage = new QWidget(this);
    auto *lookLayout = new QVBoxLayout(lookPage);
    lookLayout->addWidget(m_lookBook, 1);
    lookLayout->addWidget(regenerate);
    tabs->addTab(lookPage, tr("Look book"));

    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("staleReport"));
    m_stale->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_stale);

    for (QListView *view : {static_cast<QListView *>(m_characters), static_cast<QListView *>(m_references),
                            static_cast<QListView *>(m_lookBook)})
        connect(cache, &ThumbnailCache::ready, view->viewport(), qOverload<>(&QWidget::update));
}

void VisualDnaPanel::setDocument(models::ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_characterModel->setDocument(document);
    m_characterId = 0;
    if (m_document) {
        connect(m_document, &models::ProjectDocument::characterChanged, this, [this](Id id) {
            if (id == m_characterId)
                refreshCharacter();
        });
        connect(m_document, &models::ProjectDocument::referencesChanged, this, [this] {
            refreshReferences();
            refreshLookBook();
        });
        connect(m_document, &models::ProjectDocument::locationChanged, this,
                &VisualDnaPanel::refreshLocations);
        connect(m_document, &models::ProjectDocument::paletteChanged, this, &VisualDnaPanel::refreshPalette);
        connect(m_document, &models::ProjectDocument::styleTokensChanged, this,
                &VisualDnaPanel::refreshStyleTokens);
        connect(m_document, &models::ProjectDocument::takeAdded, this, [this](const Take &take) {
            if (take.referenceId != 0)
                refreshLookBook();
        });
    }
    if (m_characterModel->rowCount() > 0)
        m_characters->setCurrentIndex(m_characterModel->index(0));
    refreshCharacter();
    refreshLocations();
    m_palettes->clear();
    if (m_document)
        for (const Palette &p : m_document->project().palettes)
            m_palettes->addItem(p.name.isEmpty() ? enumName(p.scope) : p.name, p.id);
    refreshPalette();
    refreshStyleTokens();
    refreshLookBook();
}

void VisualDnaPanel::selectCharacter(Id characterId) {
    m_characters->setCurrentIndex(m_characterModel->indexOfCharacter(characterId));
}

void VisualDnaPanel::refreshCharacter() {
    m_refreshing = true;
    const Character *c = m_document ? m_document->character(m_characterId) : nullptr;
    for (const auto &[edit, member] : std::as_const(m_characterFields)) {
        edit->setEnabled(c != nullptr);
        edit->setText(c ? c->*member : QString());
    }
    m_refreshing = false;
    refreshReferences();
}

void VisualDnaPanel::refreshReferences() {
    m_references->clear();
    if (!m_document)
        return;
    for (const ReferenceImage *r : m_document->referencesOf(ReferenceOwner::Character, m_characterId)) {
        auto *item = new QListWidgetItem(r->label.isEmpty() ? enumName(r->role) : r->label, m_references);
        item->setData(idRole, r->id);
        item->setData(imageRole, r->imageId);
        item->setToolTip(tr("%1 \u00B7 weight %2%3")
                             .arg(enumName(r->role))
                             .arg(r->weight)
                             .arg(r->userSupplied ? tr(" \u00B7 yours") : QString()));
    }
}

void VisualDnaPanel::refreshLocations() {
    const int row = m_locations->currentRow();
    m_locations->clear();
    if (!m_document)
        return;
    for (const Location &l : m_document->project().locations) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1. %2").arg(enumName(l.intExt), l.name), m_locations);
        item->setData(idRole, l.id);
    }
    m_locations->setCurrentRow(std::clamp(row, 0, m_locations->count() - 1));
}

void VisualDnaPanel::refreshPalette() {
    while (QLayoutItem *item = m_swatchRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_document)
        return;
    const Id paletteId = m_palettes->currentData().toLongLong();
    for (const Palette &p : m_document->project().palettes) {
        if (p.id != paletteId)
            continue;
        for (int i = 0; i < p.swatches.size(); ++i) {
            const Swatch &s = p.swatches[i];
            auto *button = new QToolButton(this);
            button->setFixedSize(40, 40);
            button->setToolTip(QStringLiteral("%1 \u2014 %2 (%3)").arg(s.name, s.hex, enumName(s.role)));
            button->setStyleSheet(
                QStringLiteral("background: %1; border: 1px solid palette(mid);").arg(s.hex));
            connect(button, &QToolButton::clicked, this, [this, i, hex = s.hex] {
                const QColor colour = QColorDialog::getColor(QColor(hex), this, tr("Swatch colour"));
                if (colour.isValid())
                    setSwatchColour(i, colour);
            });
            m_swatchRow->addWidget(button);
        }
        m_swatchRow->addStretch();
    }
}

void VisualDnaPanel::setSwatchColour(int swatchIndex, const QColor &colour) {
    if (!m_document)
        return;
    const Id paletteId = m_palettes->currentData().toLongLong();
    for (const Palette &p : m_document->project().palettes) {
        if (p.id != paletteId || swatchIndex < 0 || swatchIndex >= p.swatches.size())
            continue;
        Palette after = p;
        after.swatches[swatchIndex].hex = colour.name();
        if (after == p)
            return;
        m_undo->push(new SaveEntityCommand<Palette>(
            m_document, &models::ProjectDocument::savePalette, p, after, tr("Change swatch colour"),
            [this, after] { reportStale(tr("palette"), m_document->shotsUnderPalette(after)); }));
        return;
    }
}

void VisualDnaPanel::refreshStyleTokens() {
    m_tokens->clear();
    if (!m_document)
        return;
    for (const StyleToken &t : m_document->project().styleTokens) {
        auto *item = new QListWidgetItem(t.value, m_tokens);
        item->setData(idRole, t.id);
        item->setToolTip(enumName(t.category));
    }
}

void VisualDnaPanel::addStyleToken(const QString &value) {
    if (!m_document || value.trimmed().isEmpty())
        return;
    Result<Id> id = m_document->allocateId();
    if (!id)
        return;
    StyleToken token{*id, StyleCategory::Other, value.trimmed(), 1.0};
    m_undo->push(new AddEntityCommand<StyleToken>(m_document, &models::ProjectDocument::saveStyleToken,
                                                  &models::ProjectDocument::removeStyleToken, token, true,
                                                  tr("Add style token")));
    QList<Id> all;
    for (const Shot &s : m_document->project().shots)
        all.append(s.id);
    reportStale(tr("style"), all);
}

void VisualDnaPanel::refreshLookBook() {
    m_lookBook->clear();
    if (!m_document)
        return;
    for (const ReferenceImage &r : m_document->project().references) {
        if (r.userSupplied)
            continue;
        auto *item = new QListWidgetItem(r.label.isEmpty() ? enumName(r.role) : r.label, m_lookBook);
        item->setData(idRole, r.id);
        item->setData(imageRole, r.imageId);
    }
}

void VisualDnaPanel::editCharacter(const QString &label, const std::function<void(Character &)> &change) {
    if (m_refreshing || !m_document)
        return;
    const Character *c = m_document->character(m_characterId);
    if (!c)
        return;
    Character after = *c;
    change(after);
    if (after == *c)
        return;
    const Id id = c->id;
    m_undo->push(new SaveEntityCommand<Character>(
        m_document, &models::ProjectDocument::saveCharacter, *c, after, label,
        [this, id] { reportStale(m_document->character(id)->name, m_document->shotsUsingCharacter(id)); }));
}

void VisualDnaPanel::addReferenceFiles(Id characterId, const QStringList &paths) {
    if (!m_document || !m_document->character(characterId) || paths.isEmpty())
        return;
    struct Loaded {
        QString path;
        QByteArray bytes;
        QByteArray thumbnail;
    };
    QPointer<models::ProjectDocument> document = m_document;
    QtConcurrent::run([paths] {
        QList<Loaded> out;
        for (const QString &path : paths) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            Loaded l{path, file.readAll(), {}};
            l.thumbnail = storage::ProjectStore::makeThumbnail(l.bytes);
            out.append(l);
        }
        return out;
    }).then(this, [this, document, characterId](const QList<Loaded> &loaded) {
        if (!document || document != m_document)
            return;
        m_undo->beginMacro(loaded.size() == 1 ? tr("Add 1 reference image")
                                              : tr("Add %1 reference images").arg(loaded.size()));
        for (const Loaded &l : loaded) {
            Result<storage::StoredImage> image = document->store().addImage(l.bytes, l.thumbnail);
            Result<Id> id = image ? document->allocateId() : Result<Id>::failure(image.error());
            if (!id) {
                Q_EMIT staleShotsReported(tr("%1: %2").arg(QFileInfo(l.path).fileName(), id.error()));
                continue;
            }
            ReferenceImage ref{
                *id,  ReferenceOwner::Character,           characterId, ReferenceRole::Other, image->id, 1.0,
                true, QFileInfo(l.path).completeBaseName()};
            m_undo->push(new AddEntityCommand<ReferenceImage>(
                document, &models::ProjectDocument::saveReference, &models::ProjectDocument::removeReference,
                ref, true, tr("Add reference image")));
        }
        m_undo->endMacro();
        if (const Character *c = document->character(characterId))
            reportStale(c->name, document->shotsUsingCharacter(characterId));
    });
}

void VisualDnaPanel::reportStale(const QString &what, const QList<Id> &shotIds) {
    if (!m_document)
        return;
    // The same test as the badges (dna::staleShots): the shot's current take was generated under DNA
    // that differs from the project's now. Only the shots the edit can touch are checked here; the
    // window's staleness pass updates the badges of the whole board.
    const Project &project = m_document->project();
    QList<Id> madeStale;
    for (Id id : shotIds) {
        const Shot *shot = m_document->shot(id);
        const Take *current = shot ? dna::chainableTake(project, *shot) : nullptr;
        if (current && !m_document->isStale(id) && !dna::staleReasons(project, *current).isEmpty())
            madeStale.append(id);
    }
    QStringList numbers;
    for (Id id : std::as_const(madeStale))
        if (const Shot *s = m_document->shot(id); s && numbers.size() < 12)
            numbers.append(s->number);
    const QString shotList = numbers.join(QStringLiteral(", ")) +
                             (madeStale.size() > numbers.size() ? QStringLiteral(", \u2026") : QString());
    const QString message = madeStale.isEmpty() ? tr("This %1 edit made no generated shot stale.").arg(what)
                            : madeStale.size() == 1
                                ? tr("This %1 edit made 1 shot stale: %2").arg(what, shotList)
                                : tr("This %1 edit made %2 shots stale: %3")
                                      .arg(what, QString::number(madeStale.size()), shotList);
    m_stale->setText(message);
    Q_EMIT staleShotsReported(message);
}

} // namespace shotcraft::ui
