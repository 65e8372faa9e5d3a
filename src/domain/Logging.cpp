#include "domain/Logging.h"

Q_LOGGING_CATEGORY(lcDomain, "shotcraft.domain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "shotcraft.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStory, "shotcraft.story", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDna, "shotcraft.dna", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCinema, "shotcraft.cinema", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProviders, "shotcraft.providers", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPipeline, "shotcraft.pipeline", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDirector, "shotcraft.director", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExport, "shotcraft.export", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModels, "shotcraft.models", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "shotcraft.cli", QtWarningMsg)
