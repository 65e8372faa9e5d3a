#include "ShotInspector.h"
#include "CoreServices.h"

#include "EditCommands.h"
#include "ThumbnailCache.h"
#include "ThumbnailDelegate.h"
#include "models/ProjectDocument.h"
#include "models/TakesModel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace shotcraft::ui {

namespace {
// A combo of every value of an enum, shown and stored by its project-file spelling.
template <typename E> QComboBox *enumCombo(std::initializer_list<E> values, QWidget *parent) {
    auto *combo = new QComboBox(parent);
    for (E v : values)
        combo->addItem(enumName(v), QVariant::fromValue(int(v)));
    return combo;
}

template <typename E> void selectEnum(QComboBox *combo, E value) {
    combo->setCurrentIndex(combo->findData(int(value)));
}

template <typename E> E comboValue(const QComboBox *combo) {
    return E(combo->currentData().toInt());
}
} // namespace

ShotInspector::ShotInspector(ThumbnailCache *cache, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_undo(undoStack)
    , m_takes(new models::TakesModel(this)) {
    setObjectName(QStringLiteral("shotInspector"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_description = new QLineEdit(this);
    m_size =
        enumCombo({ShotSize::ExtremeWide, ShotSize::Wide, ShotSize::MediumWide, ShotSize::Medium,
                   ShotSize::MediumCloseUp, ShotSize::CloseUp, ShotSize::ExtremeCloseUp, ShotSize::Insert},
                  this);
    m_angle = enumCombo({CameraAngle::EyeLevel, CameraAngle::Low, CameraAngle::High, CameraAngle::Overhead,
                         CameraAngle::Dutch, CameraAngle::OverTheShoulder, CameraAngle::PointOfView},
                        this);
    m_movement =
        enumCombo({CameraMovement::Static, CameraMovement::Pan, CameraMovement::Tilt, CameraMovement::DollyIn,
                   CameraMovement::DollyOut, CameraMovement::Truck, CameraMovement::Crane,
                   CameraMovement::Handheld, CameraMovement::Steadicam, CameraMovement::Zoom},
                  this);
    m_focal = new QDoubleSpinBox(this);
    m_focal->setRange(8, 600);
    m_focal->setDecimals(0);
    m_focal->setSuffix(QStringLiteral(" mm"));
    m_aperture = new QDoubleSpinBox(this);
    m_aperture->setRange(0.7, 32);
    m_aperture->setDecimals(1);
    m_aperture->setSingleStep(0.1);
    m_aperture->setPrefix(QStringLiteral("f/"));
    m_sensor = enumCombo({Sensor::Super35, Sensor::FullFrame, Sensor::LargeFormat}, this);
    m_composition = enumCombo(
        {CompositionRule::RuleOfThirds, CompositionRule::CentredSymmetry, CompositionRule::LeadingLines,
         CompositionRule::FrameWithinFrame, CompositionRule::NegativeSpace, CompositionRule::DutchTilt,
         CompositionRule::DepthLayering, CompositionRule::ShortSiding, CompositionRule::GoldenRatio},
        this);
    m_compositionNote = new QLineEdit(this);
    m_foreground = new QLineEdit(this);
    m_midground = new QLineEdit(this);
    m_background = new QLineEdit(this);
    m_blocking = new QTableWidget(0, 6, this);
    m_blocking->setHorizontalHeaderLabels(
        {tr("Character"), tr("x"), tr("Facing"), tr("Plane"), tr("Eyeline"), tr("Action")});
    m_blocking->horizontalHeader()->setStretchLastSection(true);
    m_blocking->verticalHeader()->hide();
    m_blocking->setMaximumHeight(120);
    m_lighting = new QLineEdit(this);
    m_mood = new QLineEdit(this);
    m_dialogue = new QLineEdit(this);
    m_duration = new QDoubleSpinBox(this);
    m_duration->setRange(0.2, 600);
    m_duration->setDecimals(1);
    m_duration->setSuffix(QStringLiteral(" s"));
    m_notes = new QPlainTextEdit(this);
    m_notes->setMaximumHeight(70);

    // Object names let tests and accessibility tools find each editor.
    m_description->setObjectName(QStringLiteral("description"));
    m_size->setObjectName(QStringLiteral("size"));
    m_angle->setObjectName(QStringLiteral("angle"));
    m_movement->setObjectName(QStringLiteral("movement"));
    m_focal->setObjectName(QStringLiteral("focal"));
    m_aperture->setObjectName(QStringLiteral("aperture"));
    m_sensor->setObjectName(QStringLiteral("sensor"));
    m_composition->setObjectName(QStringLiteral("composition"));
    m_compositionNote->setObjectName(QStringLiteral("compositionNote"));
    m_foreground->setObjectName(QStringLiteral("foreground"));
    m_midground->setObjectName(QStringLiteral("midground"));
    m_background->setObjectName(QStringLiteral("background"));
    m_blocking->setObjectName(QStringLiteral("blocking"));
    m_lighting->setObjectName(QStringLiteral("lighting"));
    m_mood->setObjectName(QStringLiteral("mood"));
    m_dialogue->setObjectName(QStringLiteral("dialogue"));
    m_duration->setObjectName(QStringLiteral("duration"));
    m_notes->setObjectName(QStringLiteral("notes"));

    m_takeStrip = new QListView(this);
    m_takeStrip->setObjectName(QStringLiteral("takeStrip"));
    m_takeStrip->setModel(m_takes);
    m_takeStrip->setFlow(QListView::LeftToRight);
    m_takeStrip->setWrapping(false);
    m_takeStrip->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto *takeDelegate = new ThumbnailDelegate(cache, models::TakesModel::ImageIdRole, QSize(112, 63), this);
    takeDelegate->setHighlightRole(models::TakesModel::ApprovedRole);
    m_takeStrip->setItemDelegate(takeDelegate);
    m_takeStrip->setFixedHeight(100);
    connect(cache, &ThumbnailCache::ready, m_takeStrip->viewport(), qOverload<>(&QWidget::update));
    m_approve = new QPushButton(tr("Circle take"), this);
    m_approve->setToolTip(tr("Approve the selected take for the board (double-click a take does the same)"));
    auto *compare = new QPushButton(tr("Compare prompts\u2026"), this);
    connect(m_approve, &QPushButton::clicked, this, &ShotInspector::approveSelectedTake);
    connect(m_takeStrip, &QListView::doubleClicked, this, &ShotInspector::approveSelectedTake);
    connect(compare, &QPushButton::clicked, this, [this] { Q_EMIT compareTakesRequested(m_shotId); });
    auto *regenerate = new QPushButton(tr("Regenerate"), this);
    regenerate->setObjectName(QStringLiteral("regenerateShot"));
    regenerate->setToolTip(tr("Generate a new take of this shot (it becomes the circled one)"));
    connect(regenerate, &QPushButton::clicked, this, [this] {
        if (m_shotId != 0)
            Q_EMIT regenerateRequested(m_shotId);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Size"), m_size);
    form->addRow(tr("Angle"), m_angle);
    form->addRow(tr("Movement"), m_movement);
    auto *lensRow = new QHBoxLayout;
    lensRow->addWidget(m_focal);
    lensRow->addWidget(m_aperture);
    lensRow->addWidget(m_sensor);
    auto *genrePick = new QToolButton(this);
    genrePick->setObjectName(QStringLiteral("genrePick"));
    genrePick->setText(tr("Genre's pick"));
    genrePick->setToolTip(tr("Lens and composition as the film's genre would choose them for this shot's "
                             "size and mood (undoable)"));
    connect(genrePick, &QToolButton::clicked, this, [this] {
        if (!m_document)
            return;
        const Project &project = m_document->project();
        editShot(tr("Lens and composition from the genre"),
                 [&](Shot &s) { takeGenreLensAndComposition(project, s); });
    });
    form->addRow(tr("Lens"), lensRow);
    auto *genrePickRow = new QHBoxLayout; // its own row, so the lens row stays narrow
    genrePickRow->addWidget(genrePick);
    genrePickRow->addStretch();
    form->addRow(QString(), genrePickRow);
    form->addRow(tr("Composition"), m_composition);
    form->addRow(tr("Composition note"), m_compositionNote);
    form->addRow(tr("Foreground"), m_foreground);
    form->addRow(tr("Midground"), m_midground);
    form->addRow(tr("Background"), m_background);
    form->addRow(tr("Blocking"), m_blocking);
    form->addRow(tr("Lighting"), m_lighting);
    form->addRow(tr("Mood"), m_mood);
    form->addRow(tr("Dialogue"), m_dialogue);
    form->addRow(tr("Duration"), m_duration);
    form->addRow(tr("Notes"), m_notes);

    auto *fields = new QWidget(this);
    fields->setLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *takeButtons = new QHBoxLayout;
    takeButtons->addWidget(m_approve);
    takeButtons->addWidget(compare);
    takeButtons->addWidget(regenerate);
    takeButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    layout->addWidget(new QLabel(tr("Takes"), this));
    layout->addWidget(m_takeStrip);
    layout->addLayout(takeButtons);

    // Every editor writes one undoable command when the user finishes the edit.
    bindLine(m_description, tr("Edit description"), [](Shot &s, const QString &v) { s.description = v; });
    bindLine(m_compositionNote, tr("Edit composition note"),
             [](Shot &s, const QString &v) { s.compositionNote = v; });
    bindLine(m_foreground, tr("Edit foreground"),
             [](Shot &s, const QString &v) { s.staging.foreground = v; });
    bindLine(m_midground, tr("Edit midground"), [](Shot &s, const QString &v) { s.staging.midground = v; });
    bindLine(m_background, tr("Edit background"),
             [](Shot &s, const QString &v) { s.staging.background = v; });
    bindLine(m_lighting, tr("Edit lighting"), [](Shot &s, const QString &v) { s.lighting = v; });
    bindLine(m_mood, tr("Edit mood"), [](Shot &s, const QString &v) { s.mood = v; });
    bindLine(m_dialogue, tr("Edit dialogue excerpt"),
             [](Shot &s, const QString &v) { s.dialogueExcerpt = v; });
    auto bindCombo = [this](QComboBox *combo, const QString &label, std::function<void(Shot &, int)> set) {
        connect(combo, &QComboBox::activated, this, [this, combo, label, set](int) {
            editShot(label, [&](Shot &s) { set(s, combo->currentData().toInt()); });
        });
    };
    bindCombo(m_size, tr("Change shot size"), [](Shot &s, int v) { s.size = ShotSize(v); });
    bindCombo(m_angle, tr("Change angle"), [](Shot &s, int v) { s.angle = CameraAngle(v); });
    bindCombo(m_movement, tr("Change movement"), [](Shot &s, int v) { s.movement = CameraMovement(v); });
    bindCombo(m_sensor, tr("Change sensor"), [](Shot &s, int v) { s.lens.sensor = Sensor(v); });
    bindCombo(m_composition, tr("Change composition"),
              [](Shot &s, int v) { s.composition = CompositionRule(v); });
    auto bindSpin = [this](QDoubleSpinBox *spin, const QString &label,
                           std::function<void(Shot &, double)> set) {
        connect(spin, &QDoubleSpinBox::editingFinished, this,
                [this, spin, label, set] { editShot(label, [&](Shot &s) { set(s, spin->value()); }); });
    };
    bindSpin(m_focal, tr("Change focal length"), [](Shot &s, double v) { s.lens.focalLengthMm = v; });
    bindSpin(m_aperture, tr("Change aperture"), [](Shot &s, double v) { s.lens.aperture = v; });
    bindSpin(m_duration, tr("Change duration"), [](Shot &s, double v) { s.durationSec = v; });
    // Notes are free text: one command after the typing pauses, not one per keystroke.
    auto *notesTimer = new QTimer(this);
    notesTimer->setSingleShot(true);
    notesTimer->setInterval(700);
    connect(m_notes, &QPlainTextEdit::textChanged, notesTimer, qOverload<>(&QTimer::start));
    connect(notesTimer, &QTimer::timeout, this,
            [this] { editShot(tr("Edit notes"), [this](Shot &s) { s.notes = m_notes->toPlainText(); }); });
    connect(m_blocking, &QTableWidget::cellChanged, this, &ShotInspector::applyBlockingCell);
    setEnabled(false);
}

void ShotInspector::bindLine(QLineEdit *edit, const QString &label,
                             std::function<void(Shot &, const QString &)> set) {
    connect(edit, &QLineEdit::editingFinished, this,
            [this, edit, label, set] { editShot(label, [&](Shot &s) { set(s, edit->text()); }); });
}

void ShotInspector::setDocument(models::ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_takes->setDocument(document);
    m_shotId = 0;
    if (m_document) {
        connect(m_document, &models::ProjectDocument::shotChanged, this, [this](Id id) {
            if (id == m_shotId)
                refresh();
        });
        connect(m_document, &models::ProjectDocument::characterChanged, this,
                &ShotInspector::refreshBlocking);
    }
    refresh();
}

void ShotInspector::setShot(Id shotId) {
    m_shotId = shotId;
    m_takes->setShot(shotId);
    refresh();
}

void ShotInspector::editShot(const QString &label, const std::function<void(Shot &)> &change) {
    if (m_refreshing || !m_document)
        return;
    const Shot *current = m_document->shot(m_shotId);
    if (!current)
        return;
    Shot after = *current;
    change(after);
    followGenrePick(m_document->project(), *current, after);
    if (after == *current)
        return;
    if (QUndoCommand *command = editShotCommand(m_document, after, label))
        m_undo->push(command);
}

void ShotInspector::approveSelectedTake() {
    if (!m_document)
        return;
    const Id takeId = m_takes->takeIdAt(m_takeStrip->currentIndex().row());
    const Shot *shot = m_document->shot(m_shotId);
    if (takeId == 0 || !shot || shot->approvedTakeId == takeId)
        return;
    if (QUndoCommand *command = approveTakeCommand(m_document, m_shotId, takeId))
        m_undo->push(command);
}

void ShotInspector::refresh() {
    const Shot *shot = m_document ? m_document->shot(m_shotId) : nullptr;
    setEnabled(shot != nullptr);
    if (!shot) {
        m_title->setText(tr("No shot selected"));
        return;
    }
    m_refreshing = true;
    const QList<QWidget *> editors{
        m_description, m_size,        m_angle,           m_movement,   m_focal,     m_aperture,
        m_sensor,      m_composition, m_compositionNote, m_foreground, m_midground, m_background,
        m_lighting,    m_mood,        m_dialogue,        m_duration,   m_notes};
    QList<std::shared_ptr<QSignalBlocker>> blockers;
    for (QWidget *w : editors)
        blockers.append(std::make_shared<QSignalBlocker>(w));
    const Scene *scene = m_document->scene(shot->sceneId);
    m_title->setText(tr("Shot %1 \u2014 %2").arg(shot->number, scene ? scene->heading : QString()));
    m_description->setText(shot->description);
    selectEnum(m_size, shot->size);
    selectEnum(m_angle, shot->angle);
    selectEnum(m_movement, shot->movement);
    m_focal->setValue(shot->lens.focalLengthMm);
    m_aperture->setValue(shot->lens.aperture);
    selectEnum(m_sensor, shot->lens.sensor);
    selectEnum(m_composition, shot->composition);
    m_compositionNote->setText(shot->compositionNote);
    m_foreground->setText(shot->staging.foreground);
    m_midground->setText(shot->staging.midground);
    m_background->setText(shot->staging.background);
    m_lighting->setText(shot->lighting);
    m_mood->setText(shot->mood);
    m_dialogue->setText(shot->dialogueExcerpt);
    m_duration->setValue(shot->durationSec);
    if (m_notes->toPlainText() != shot->notes)
        m_notes->setPlainText(shot->notes);
    refreshBlocking();
    m_refreshing = false;
}

void ShotInspector::refreshBlocking() {
    const Shot *shot = m_document ? m_document->shot(m_shotId) : nullptr;
    const QSignalBlocker blocker(m_blocking);
    m_blocking->setRowCount(shot ? int(shot->blocking.size()) : 0);
    if (!shot)
        return;
    for (int row = 0; row < shot->blocking.size(); ++row) {
        const Blocking &b = shot->blocking[row];
        const Character *c = m_document->character(b.characterId);
        auto *name = new QTableWidgetItem(c ? c->name : QString::number(b.characterId));
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        m_blocking->setItem(row, 0, name);
        m_blocking->setItem(row, 1, new QTableWidgetItem(QString::number(b.screenX, 'f', 2)));
        m_blocking->setItem(row, 2, new QTableWidgetItem(enumName(b.facing)));
        m_blocking->setItem(row, 3, new QTableWidgetItem(enumName(b.plane)));
        m_blocking->setItem(row, 4, new QTableWidgetItem(b.eyeline));
        m_blocking->setItem(row, 5, new QTableWidgetItem(b.action));
    }
}

void ShotInspector::applyBlockingCell(int row, int column) {
    const QString text =
        m_blocking->item(row, column) ? m_blocking->item(row, column)->text().trimmed() : QString();
    bool valid = true;
    editShot(tr("Edit blocking"), [&](Shot &s) {
        if (row >= s.blocking.size())
            return;
        Blocking &b = s.blocking[row];
        switch (column) {
        case 1: {
            const double x = text.toDouble(&valid);
            valid = valid && x >= 0 && x <= 1;
            if (valid)
                b.screenX = x;
            break;
        }
        case 2:
            if (auto f = enumFromName<Facing>(text))
                b.facing = *f;
            else
                valid = false;
            break;
        case 3:
            if (auto p = enumFromName<DepthPlane>(text))
                b.plane = *p;
            else
                valid = false;
            break;
        case 4:
            b.eyeline = text;
            break;
        case 5:
            b.action = text;
            break;
        default:
            break;
        }
    });
    if (!valid)
        refreshBlocking(); // an unknown value: show what the shot still holds
}

} // namespace shotcraft::ui
