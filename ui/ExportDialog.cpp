#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>

namespace shotcraft::ui {

using exporting::ExportFormat;

namespace {

// Where a format goes by default: a folder for frames, else a file with its extension.
QString defaultName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("frames");
    case ExportFormat::Jpeg:
        return QStringLiteral("frames-jpeg");
    case ExportFormat::Pdf:
        return QStringLiteral("storyboard.pdf");
    case ExportFormat::Mp4:
        return QStringLiteral("animatic.mp4");
    case ExportFormat::Otio:
        return QStringLiteral("storyboard.otio");
    case ExportFormat::Edl:
        return QStringLiteral("storyboard.edl");
    case ExportFormat::FcpXml:
        return QStringLiteral("storyboard.xml");
    case ExportFormat::Csv:
        return QStringLiteral("shot-list.csv");
    }
    return {};
}

// The options page each format shows.
int pageOf(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png:
    case ExportFormat::Jpeg:
        return 0;
    case ExportFormat::Pdf:
        return 1;
    case ExportFormat::Mp4:
        return 2;
    case ExportFormat::Csv:
        return 4;
    default:
        return 3;
    }
}

const char *kFfmpegKey = "export/ffmpeg";

} // namespace

ExportDialog::ExportDialog(const exporting::ExportSnapshot &snapshot, const QString &suggestedFolder,
                           QWidget *parent)
    : QDialog(parent)
    , m_snapshot(snapshot)
    , m_folder(suggestedFolder)
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_options(new QStackedWidget(this))
    , m_width(new QSpinBox(this))
    , m_quality(new QSpinBox(this))
    , m_pattern(new QLineEdit(exporting::ImageSequenceOptions::defaultPattern(), this))
    , m_page(new QComboBox(this))
    , m_orientation(new QComboBox(this))
    , m_panels(new QComboBox(this))
    , m_fps(new QComboBox(this))
    , m_burnIn(new QCheckBox(tr("Burn in shot numbers and captions"), this))
    , m_audio(new QLineEdit(this))
    , m_ffmpeg(new QLineEdit(this))
    , m_bom(new QCheckBox(tr("Byte-order mark (for spreadsheets)"), this))
    , m_preview(new QLabel(this)) {
    setWindowTitle(tr("Export"));
    setMinimumWidth(560); // room for a real path in "Save to"
    // Names for tests and accessibility tools, which find the options without counting children.
    for (auto [widget, name] : {std::pair<QWidget *, const char *>{m_format, "format"},
                                {m_path, "path"},
                                {m_width, "width"},
                                {m_quality, "quality"},
                                {m_pattern, "pattern"},
                                {m_page, "page"},
                                {m_orientation, "orientation"},
                                {m_panels, "panels"},
                                {m_fps, "fps"},
                                {m_burnIn, "burnIn"},
                                {m_audio, "audio"},
                                {m_ffmpeg, "ffmpeg"},
                                {m_bom, "byteOrderMark"},
                                {m_preview, "preview"}})
        widget->setObjectName(QLatin1String(name));
    const QStringList labels{tr("PNG image sequence"), tr("JPEG image sequence"), tr("PDF boards"),
                             tr("Animatic (MP4)"),     tr("OpenTimelineIO"),      tr("CMX 3600 EDL"),
                             tr("Final Cut Pro XML"),  tr("CSV shot list")};
    const QStringList names = exporting::Exporter::formatNames();
    for (int i = 0; i < names.size(); ++i)
        m_format->addItem(labels.value(i), names[i]);
    m_format->setCurrentIndex(2);

    auto *browseButton = new QPushButton(tr("Browse\u2026"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    m_width->setRange(0, 7680);
    m_width->setSpecialValueText(tr("native"));
    m_width->setSuffix(tr(" px"));
    m_quality->setRange(1, 100);
    m_quality->setValue(90);
    auto *images = new QWidget;
    auto *imagesForm = new QFormLayout(images);
    imagesForm->addRow(tr("Width"), m_width);
    imagesForm->addRow(tr("JPEG quality"), m_quality);
    imagesForm->addRow(tr("File names"), m_pattern);

    m_page->addItem(tr("A4"), int(QPageSize::A4));
    m_page->addItem(tr("Letter"), int(QPageSize::Letter));
    m_orientation->addItem(tr("Landscape"), int(QPageLayout::Landscape));
    m_orientation->addItem(tr("Portrait"), int(QPageLayout::Portrait));
    for (int n : {1, 2, 3, 4, 6, 9})
        m_panels->addItem(QString::number(n), n);
    m_panels->setCurrentIndex(4);
    auto *pdf = new QWidget;
    auto *pdfForm = new QFormLayout(pdf);
    pdfForm->addRow(tr("Page"), m_page);
    pdfForm->addRow(tr("Orientation"), m_orientation);
    pdfForm->addRow(tr("Panels per page"), m_panels);

    for (int fps : {24, 25, 30})
        m_fps->addItem(tr("%1 fps").arg(fps), fps);
    m_ffmpeg->setText(QSettings().value(QLatin1String(kFfmpegKey)).toString());
    m_ffmpeg->setPlaceholderText(tr("ffmpeg on PATH"));
    m_audio->setPlaceholderText(tr("none"));
    auto *mp4 = new QWidget;
    auto *mp4Form = new QFormLayout(mp4);
    mp4Form->addRow(tr("Frame rate"), m_fps);
    mp4Form->addRow(QString(), m_burnIn);
    mp4Form->addRow(tr("Audio file"), m_audio);
    mp4Form->addRow(tr("ffmpeg program"), m_ffmpeg);

    auto *timeline = new QLabel(tr("One clip per shot; the frames are written beside the file."));
    timeline->setWordWrap(true);
    auto *csv = new QWidget;
    (new QFormLayout(csv))->addRow(QString(), m_bom);
    for (QWidget *page : {images, pdf, mp4, static_cast<QWidget *>(timeline), csv})
        m_options->addWidget(page);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Save to"), pathRow);
    form->addRow(m_options);
    form->addRow(m_preview);
    form->addRow(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateForFormat);
    connect(m_panels, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    connect(m_fps, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings().setValue(QLatin1String(kFfmpegKey), m_ffmpeg->text().trimmed());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateForFormat();
}

exporting::ExportRequest ExportDialog::request() const {
    exporting::ExportRequest r;
    r.format = *exporting::Exporter::formatFromName(m_format->currentData().toString());
    r.path = m_path->text().trimmed();
    r.images.width = m_width->value();
    r.images.quality = m_quality->value();
    r.images.pattern = m_pattern->text().trimmed();
    r.pdf.pageSize = QPageSize::PageSizeId(m_page->currentData().toInt());
    r.pdf.orientation = QPageLayout::Orientation(m_orientation->currentData().toInt());
    r.pdf.panelsPerPage = m_panels->currentData().toInt();
    r.animatic.fps = m_fps->currentData().toInt();
    if (m_width->value() > 0)
        r.animatic.width = m_width->value();
    r.animatic.burnIn = m_burnIn->isChecked();
    r.animatic.audioPath = m_audio->text().trimmed();
    r.animatic.ffmpeg = m_ffmpeg->text().trimmed();
    r.csvByteOrderMark = m_bom->isChecked();
    return r;
}

QString ExportDialog::previewText() const {
    return m_preview->text();
}

void ExportDialog::updateForFormat() {
    const ExportFormat format = request().format;
    m_options->setCurrentIndex(pageOf(format));
    // Follow the format in the file name unless the user typed a folder of their own.
    const QString current = m_path->text().trimmed();
    const QString folder = current.isEmpty() ? m_folder : QFileInfo(current).absolutePath();
    m_path->setText(QDir(folder).filePath(defaultName(format)));
    updatePreview();
}

void ExportDialog::updatePreview() {
    m_preview->setText(exporting::Exporter::preview(m_snapshot, request()));
}

void ExportDialog::browse() {
    const ExportFormat format = request().format;
    const bool folder = format == ExportFormat::Png || format == ExportFormat::Jpeg;
    const QString chosen = folder ? QFileDialog::getExistingDirectory(this, tr("Export into"), m_path->text())
                                  : QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text());
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

} // namespace shotcraft::ui
