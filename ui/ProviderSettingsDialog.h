// The provider profiles editor: the list of profiles, a form for the selected one (kind, base URL,
// model, concurrency, timeouts, reference limit, extra options as JSON), a key field that goes
// straight to the system keychain (never to the settings file), and "Test connection".
#pragma once

#include "providers/ProviderProfile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace shotcraft::ui {

class ProviderSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProviderSettingsDialog(QWidget *parent = nullptr);

private:
    void loadProfiles();
    void showProfile(int row);
    bool collect(providers::ProviderProfile &profile);
    void save();
    void addProfile();
    void removeProfile();
    void storeKey();
    void testConnection();
    void setStatus(const QString &text, bool error);

    QList<providers::ProviderProfile> m_profiles;
    int m_current = -1;
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_baseUrl;
    QLineEdit *m_model;
    QSpinBox *m_concurrency;
    QSpinBox *m_connectTimeout;
    QSpinBox *m_totalTimeout;
    QSpinBox *m_referenceLimit;
    QPlainTextEdit *m_options;
    QLineEdit *m_key;
    QLabel *m_keyHint;
    QPushButton *m_testButton;
    QLabel *m_status;
};

} // namespace shotcraft::ui
