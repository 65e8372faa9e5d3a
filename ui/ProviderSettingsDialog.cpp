#include "ProviderSettingsDialog.h"

#include "providers/ProviderRegistry.h"
#include "providers/Secrets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace shotcraft::ui {

using namespace shotcraft::providers;

namespace {
const QList<ProviderKind> kKinds = {
    ProviderKind::Previz,     ProviderKind::OpenAiImages, ProviderKind::ComfyUi, ProviderKind::Automatic1111,
    ProviderKind::OpenAiChat, ProviderKind::Anthropic,    ProviderKind::Ollama};

QSpinBox *spin(int min, int max, const QString &suffix = {}) {
    auto *s = new QSpinBox;
    s->setRange(min, max);
    s->setSuffix(suffix);
    return s;
}
} // namespace

ProviderSettingsDialog::ProviderSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget)
    , m_name(new QLineEdit)
    , m_kind(new QComboBox)
    , m_baseUrl(new QLineEdit)
    , m_model(new QLineEdit)
    , m_concurrency(spin(1, 64))
    , m_connectTimeout(spin(1, 600, tr(" s")))
    , m_totalTimeout(spin(1, 7200, tr(" s")))
    , m_referenceLimit(spin(0, 16))
    , m_options(new QPlainTextEdit)
    , m_key(new QLineEdit)
    , m_keyHint(new QLabel)
    , m_testButton(new QPushButton(tr("Test connection")))
    , m_status(new QLabel) {
    setWindowTitle(tr("Image and language providers"));
    for (ProviderKind k : kKinds)
        m_kind->addItem(enumName(k), int(k));
    m_referenceLimit->setSpecialValueText(tr("default"));
    m_options->setPlaceholderText(QStringLiteral("{\"template\": \"ipadapter\"}"));
    m_options->setMaximumHeight(90);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste a key to store it in the system keychain"));
    m_keyHint->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *add = new QPushButton(tr("Add"));
    auto *remove = new QPushButton(tr("Remove"));
    auto *storeKeyButton = new QPushButton(tr("Store key"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Requests at once"), m_concurrency);
    form->addRow(tr("Connect timeout"), m_connectTimeout);
    form->addRow(tr("Total timeout"), m_totalTimeout);
    form->addRow(tr("Reference images"), m_referenceLimit);
    form->addRow(tr("Options (JSON)"), m_options);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key);
    keyRow->addWidget(storeKeyButton);
    form->addRow(tr("API key"), keyRow);
    form->addRow(QString(), m_keyHint);
    form->addRow(m_testButton, m_status);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(form, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    auto *root = new QVBoxLayout(this);
    root->addLayout(columns);
    root->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProviderSettingsDialog::showProfile);
    connect(add, &QPushButton::clicked, this, &ProviderSettingsDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ProviderSettingsDialog::removeProfile);
    connect(storeKeyButton, &QPushButton::clicked, this, &ProviderSettingsDialog::storeKey);
    connect(m_testButton, &QPushButton::clicked, this, &ProviderSettingsDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProviderSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    loadProfiles();
}

void ProviderSettingsDialog::loadProfiles() {
    m_profiles = ProfileStore::load();
    m_current = -1;
    m_list->clear();
    for (const ProviderProfile &p : std::as_const(m_profiles))
        m_list->addItem(p.name);
    if (!m_profiles.isEmpty())
        m_list->setCurrentRow(0);
}

void ProviderSettingsDialog::showProfile(int row) {
    if (m_current >= 0 && m_current < m_profiles.size() && m_current != row) {
        ProviderProfile edited = m_profiles[m_current];
        if (collect(edited))
            m_profiles[m_current] = edited;
    }
    m_current = row;
    if (row < 0 || row >= m_profiles.size())
        return;
    const ProviderProfile &p = m_profiles[row];
    m_name->setText(p.name);
    m_kind->setCurrentIndex(int(kKinds.indexOf(p.kind)));
    m_baseUrl->setText(p.baseUrl);
    m_model->setText(p.model);
    m_concurrency->setValue(p.maxConcurrency);
    m_connectTimeout->setValue(p.connectTimeoutMs / 1000);
    m_totalTimeout->setValue(p.totalTimeoutMs / 1000);
    m_referenceLimit->setValue(p.referenceLimit);
    m_options->setPlainText(QString::fromStdString(p.options.dump(2)));
    m_key->clear();
    m_keyHint->setText(p.needsKey() ? tr("Read from %1 when set, otherwise from the system keychain.")
                                          .arg(Secrets::environmentVariable(p.effectiveSecretName()))
                                    : tr("This service needs no key."));
    setStatus(QString(), false);
}

bool ProviderSettingsDialog::collect(ProviderProfile &p) {
    p.name = m_name->text().trimmed();
    p.kind = kKinds.value(m_kind->currentIndex(), ProviderKind::Previz);
    p.baseUrl = m_baseUrl->text().trimmed();
    p.model = m_model->text().trimmed();
    p.maxConcurrency = m_concurrency->value();
    p.connectTimeoutMs = m_connectTimeout->value() * 1000;
    p.totalTimeoutMs = m_totalTimeout->value() * 1000;
    p.referenceLimit = m_referenceLimit->value();
    const QByteArray text = m_options->toPlainText().trimmed().toUtf8();
    const Json options =
        text.isEmpty() ? Json::object() : Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    if (!options.is_object()) {
        setStatus(tr("Options must be a JSON object."), true);
        return false;
    }
    p.options = options;
    if (Status s = p.validate(); !s) {
        setStatus(s.error(), true);
        return false;
    }
    return true;
}

void ProviderSettingsDialog::save() {
    if (m_current >= 0) {
        ProviderProfile edited = m_profiles[m_current];
        if (!collect(edited))
            return;
        m_profiles[m_current] = edited;
    }
    if (Status s = ProfileStore::save(m_profiles); !s) {
        setStatus(s.error(), true);
        return;
    }
    accept();
}

void ProviderSettingsDialog::addProfile() {
    ProviderProfile p;
    p.name = QStringLiteral("profile-%1").arg(m_profiles.size() + 1);
    p.kind = ProviderKind::ComfyUi;
    p.baseUrl = QStringLiteral("http://127.0.0.1:8188");
    m_profiles.append(p);
    m_list->addItem(p.name);
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
}

void ProviderSettingsDialog::removeProfile() {
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_current = -1;
    m_profiles.removeAt(row);
    delete m_list->takeItem(row);
}

void ProviderSettingsDialog::storeKey() {
    ProviderProfile p;
    if (m_current < 0 || !collect(p) || m_key->text().isEmpty())
        return;
    const QString key = m_key->text();
    m_key->clear(); // the key does not linger in the widget
    setStatus(tr("Storing the key in the system keychain…"), false);
    Secrets::storeKey(p.effectiveSecretName(), key, this, [this](const Status &s) {
        setStatus(s.ok() ? tr("Key stored in the system keychain.") : s.error(), !s.ok());
    });
}

void ProviderSettingsDialog::testConnection() {
    ProviderProfile p;
    if (m_current < 0 || !collect(p))
        return;
    m_testButton->setEnabled(false);
    setStatus(tr("Testing %1…").arg(p.baseUrl), false);
    providers::testConnection(p, this, [this](const Status &s, const QString &detail) {
        m_testButton->setEnabled(true);
        setStatus(s.ok() ? tr("Connected: %1").arg(detail) : s.error(), !s.ok());
    });
}

void ProviderSettingsDialog::setStatus(const QString &text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

} // namespace shotcraft::ui
