#include "PromptInspector.h"

#include "ThumbnailCache.h"
#include "models/ProjectDocument.h"
#include "models/PromptDiff.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace shotcraft::ui {

namespace {
QTableWidget *table(const QStringList &headers, QWidget *parent) {
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setWordWrap(true);
    return t;
}
} // namespace

PromptInspector::PromptInspector(ThumbnailCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache) {
    setObjectName(QStringLiteral("promptInspector"));
    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_dialect = new QComboBox(this);
    for (PromptDialect d : {PromptDialect::Natural, PromptDialect::Sdxl, PromptDialect::Sd15})
        m_dialect->addItem(enumName(d), int(d));
    connect(m_dialect, &QComboBox::activated, this, &PromptInspector::refresh);
    auto *copy = new QPushButton(tr("Copy"), this);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(clipboardText()); });
    m_positive = new QPlainTextEdit(this);
    m_positive->setReadOnly(true);
    m_negative = new QPlainTextEdit(this);
    m_negative->setReadOnly(true);
    m_negative->setMaximumHeight(70);
    m_params = new QLabel(this);
    m_params->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_references = table({tr("Image"), tr("Reference"), tr("Role"), tr("Weight"), tr("Why")}, this);
    m_references->setIconSize(QSize(64, 36));
    m_rationale = table({tr("Aspect"), tr("Choice"), tr("Reason")}, this);
    m_diffBefore = new QComboBox(this);
    m_diffAfter = new QComboBox(this);
    m_diff = new QTextBrowser(this);
    connect(m_diffBefore, &QComboBox::currentIndexChanged, this, &PromptInspector::refreshDiff);
    connect(m_diffAfter, &QComboBox::currentIndexChanged, this, &PromptInspector::refreshDiff);
    connect(cache, &ThumbnailCache::ready, this, [this] {
        if (!m_package.references.isEmpty())
            showPackage(m_package, m_source->text());
    });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Dialect"), this));
    top->addWidget(m_dialect);
    top->addStretch();
    top->addWidget(copy);

    auto *promptPage = new QWidget(this);
    auto *form = new QFormLayout(promptPage);
    form->addRow(tr("Positive"), m_positive);
    form->addRow(tr("Negative"), m_negative);
    form->addRow(tr("Parameters"), m_params);
    auto *diffPage = new QWidget(this);
    auto *diffLayout = new QVBoxLayout(diffPage);
    auto *pick = new QHBoxLayout;
    pick->addWidget(m_diffBefore);
    pick->addWidget(new QLabel(QStringLiteral("\u2192"), this));
    pick->addWidget(m_diffAfter);
    diffLayout->addLayout(pick);
    diffLayout->addWidget(m_diff, 1);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(promptPage, tr("Prompt"));
    tabs->addTab(m_references, tr("References"));
    tabs->addTab(m_rationale, tr("Rationale"));
    tabs->addTab(diffPage, tr("Diff takes"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addLayout(top);
    layout->addWidget(tabs, 1);
    setPromptBuilder({});
}

void PromptInspector::setDocument(models::ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_shotId = 0;
    if (m_document) {
        connect(m_document, &models::ProjectDocument::shotChanged, this, [this](Id id) {
            if (id == m_shotId)
                refresh();
        });
        connect(m_document, &models::ProjectDocument::takeAdded, this, [this](const Take &t) {
            if (t.shotId == m_shotId) {
                refreshTakeChoices();
                refresh();
            }
        });
    }
    refresh();
}

void PromptInspector::setPromptBuilder(PromptBuilder builder) {
    m_builder = std::move(builder);
    // Without the engine only the stored prompt exists, which has the dialect it was made in.
    m_dialect->setEnabled(bool(m_builder));
    m_dialect->setToolTip(m_builder ? tr("Rebuild the prompt for another image model's dialect")
                                    : tr("Shows the dialect of the stored prompt"));
    refresh();
}

void PromptInspector::setShot(Id shotId) {
    m_shotId = shotId;
    refreshTakeChoices();
    refresh();
}

void PromptInspector::refreshTakeChoices() {
    const QSignalBlocker b1(m_diffBefore), b2(m_diffAfter);
    m_diffBefore->clear();
    m_diffAfter->clear();
    if (!m_document)
        return;
    int n = 1;
    for (const Take *t : m_document->takesOfShot(m_shotId)) {
        const QString label = tr("Take %1 (%2)").arg(n++).arg(t->createdAt);
        m_diffBefore->addItem(label, t->id);
        m_diffAfter->addItem(label, t->id);
    }
    // By default compare the two latest takes.
    m_diffAfter->setCurrentIndex(m_diffAfter->count() - 1);
    m_diffBefore->setCurrentIndex(std::max(0, m_diffBefore->count() - 2));
    refreshDiff();
}

void PromptInspector::compareTakes(Id beforeTakeId, Id afterTakeId) {
    m_diffBefore->setCurrentIndex(m_diffBefore->findData(beforeTakeId));
    m_diffAfter->setCurrentIndex(m_diffAfter->findData(afterTakeId));
    refreshDiff();
}

void PromptInspector::refreshDiff() {
    const Take *before = m_document ? m_document->take(m_diffBefore->currentData().toLongLong()) : nullptr;
    const Take *after = m_document ? m_document->take(m_diffAfter->currentData().toLongLong()) : nullptr;
    if (!before || !after) {
        m_diff->setPlainText(tr("Two takes are needed to compare their prompts."));
        return;
    }
    QString html =
        QStringLiteral("<p><b>%1</b></p><p>%2</p><p><b>%3</b></p><p>%4</p>")
            .arg(tr("Positive"),
                 models::diffToHtml(models::diffWords(before->package.positive, after->package.positive)),
                 tr("Negative"),
                 models::diffToHtml(models::diffWords(before->package.negative, after->package.negative)));
    if (before->seed != after->seed)
        html += tr("<p>Seed %1 \u2192 %2</p>").arg(before->seed).arg(after->seed);
    m_diff->setHtml(html);
}

QString PromptInspector::diffHtml() const {
    return m_diff->toHtml();
}

void PromptInspector::refresh() {
    const Shot *shot = m_document ? m_document->shot(m_shotId) : nullptr;
    if (!shot) {
        showPackage({}, tr("No shot selected."));
        return;
    }
    if (m_builder) {
        Result<PromptPackage> built =
            m_builder(m_document->project(), m_shotId, PromptDialect(m_dialect->currentData().toInt()));
        if (built) {
            showPackage(*built, tr("Shot %1: the prompt the next take will use.").arg(shot->number));
            return;
        }
        showPackage({}, tr("Shot %1: %2").arg(shot->number, built.error()));
        return;
    }
    const QList<const Take *> takes = m_document->takesOfShot(m_shotId);
    const Take *take = m_document->take(shot->approvedTakeId);
    if (!take && !takes.isEmpty())
        take = takes.last();
    if (!take) {
        showPackage({},
                    tr("Shot %1 has no take yet; its prompt appears with the first one.").arg(shot->number));
        return;
    }
    const QSignalBlocker blocker(m_dialect);
    m_dialect->setCurrentIndex(m_dialect->findData(int(take->package.dialect)));
    showPackage(take->package,
                tr("Shot %1: the prompt stored with %2 take (%3, seed %4).")
                    .arg(shot->number,
                         take->id == shot->approvedTakeId ? tr("the circled") : tr("the latest"),
                         take->provider)
                    .arg(take->seed));
}

void PromptInspector::showPackage(const PromptPackage &package, const QString &source) {
    m_package = package;
    m_source->setText(source);
    m_positive->setPlainText(package.positive);
    m_negative->setPlainText(package.negative);
    const GenerationParams &p = package.params;
    m_params->setText(
        tr("%1\u00D7%2 \u00B7 %3 steps \u00B7 CFG %4 \u00B7 %5 \u00B7 seed %6%7")
            .arg(p.width)
            .arg(p.height)
            .arg(p.steps)
            .arg(p.cfg)
            .arg(p.sampler)
            .arg(p.seed)
            .arg(package.modifications.isEmpty()
                     ? QString()
                     : tr(" \u00B7 modified: %1").arg(package.modifications.join(QStringLiteral("; ")))));
    m_references->setRowCount(int(package.references.size()));
    for (int row = 0; row < package.references.size(); ++row) {
        const PromptReference &r = package.references[row];
        auto *image = new QTableWidgetItem;
        if (const QImage *thumb = m_document && m_cache ? m_cache->image(r.imageId) : nullptr)
            image->setIcon(QIcon(QPixmap::fromImage(thumb->scaled(64, 36, Qt::KeepAspectRatio))));
        const QStringList cells{r.label, enumName(r.role), QString::number(r.weight, 'g', 3),
                                r.kept ? r.reason : tr("dropped: %1").arg(r.reason)};
        m_references->setItem(row, 0, image);
        for (int c = 0; c < cells.size(); ++c)
            m_references->setItem(row, c + 1, new QTableWidgetItem(cells[c]));
        if (!r.kept) {
            // Dropped references are listed for the record, greyed: the service never saw them.
            for (int c = 0; c < m_references->columnCount(); ++c) {
                m_references->item(row, c)->setForeground(
                    palette().color(QPalette::Disabled, QPalette::Text));
                m_references->item(row, c)->setFlags(Qt::ItemIsSelectable);
            }
        }
    }
    m_rationale->setRowCount(int(package.rationale.size()));
    for (int row = 0; row < package.rationale.size(); ++row) {
        const RationaleEntry &e = package.rationale[row];
        m_rationale->setItem(row, 0, new QTableWidgetItem(e.aspect));
        m_rationale->setItem(row, 1, new QTableWidgetItem(e.choice));
        m_rationale->setItem(row, 2, new QTableWidgetItem(e.reason));
    }
    m_rationale->resizeRowsToContents();
}

QString PromptInspector::clipboardText() const {
    return tr("%1\n\nNegative: %2\n\n%3").arg(m_package.positive, m_package.negative, m_params->text());
}

} // namespace shotcraft::ui
