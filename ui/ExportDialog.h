// File > Export…: one dialog for every format, its options and a preview line ("42 panels on 8
// pages") computed from the snapshot it will export. It only builds the request; ExportTask runs it.
#pragma once

#include "export/Exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace shotcraft::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const exporting::ExportSnapshot &snapshot, const QString &suggestedFolder,
                 QWidget *parent = nullptr);

    exporting::ExportRequest request() const;
    QString previewText() const;
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *pathEdit() const { return m_path; }

private:
    void updateForFormat();
    void updatePreview();
    void browse();

    const exporting::ExportSnapshot &m_snapshot;
    QString m_folder;
    QComboBox *m_format;
    QLineEdit *m_path;
    QStackedWidget *m_options;
    QSpinBox *m_width;
    QSpinBox *m_quality;
    QLineEdit *m_pattern;
    QComboBox *m_page;
    QComboBox *m_orientation;
    QComboBox *m_panels;
    QComboBox *m_fps;
    QCheckBox *m_burnIn;
    QLineEdit *m_audio;
    QLineEdit *m_ffmpeg;
    QCheckBox *m_bom;
    QLabel *m_preview;
};

} // namespace shotcraft::ui
