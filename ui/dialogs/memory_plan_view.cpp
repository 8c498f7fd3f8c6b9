#include "dialogs/memory_plan_view.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <memory>

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "store/experiment_store.h"

namespace ferkd::ui {

MemoryPlanView::MemoryPlanView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* line = new QHBoxLayout;
    summary_ = new QLabel;
    summary_->setObjectName("memoryPlanSummary");
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    toggle_ = new QToolButton;
    toggle_->setObjectName("memoryPlanDetails");
    toggle_->setText(tr("Details"));
    toggle_->setCheckable(true);
    toggle_->setEnabled(false);
    line->addWidget(summary_, 1);
    line->addWidget(toggle_, 0, Qt::AlignTop);
    layout->addLayout(line);
    details_ = new QPlainTextEdit;
    details_->setObjectName("memoryPlanTable");
    details_->setReadOnly(true);
    details_->setLineWrapMode(QPlainTextEdit::NoWrap);  // a table, as `ferkd train --plan` prints it
    details_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    details_->setMinimumHeight(160);
    details_->hide();
    layout->addWidget(details_);
    connect(toggle_, &QToolButton::toggled, details_, &QWidget::setVisible);
    delay_ = new QTimer(this);
    delay_->setSingleShot(true);
    connect(delay_, &QTimer::timeout, this, &MemoryPlanView::start);
    show(State::Idle, {});
}

MemoryPlanView::~MemoryPlanView() = default;

void MemoryPlanView::setContext(const std::string& workspace, int processes) {
    workspace_ = workspace;
    processes_ = std::max(1, processes);
}

void MemoryPlanView::planFor(const RunConfig& config, bool valid, int delayMs) {
    ++generation_;  // whatever is measured now is for older fields
    plan_.reset();
    if (!valid) {
        delay_->stop();
        show(State::Idle, tr("Memory plan: made once every field is valid."));
        return;
    }
    config_ = config;
    show(State::Waiting, tr("Memory plan: waiting for the fields to settle..."));
    delay_->start(delayMs);
}

void MemoryPlanView::start() {
    if (running_) {
        again_ = true;
        return;
    }
    running_ = true;
    show(State::Measuring, tr("Memory plan: measuring the model's passes on this machine..."));
    const quint64 generation = generation_;
    const RunConfig config = config_;
    const std::string workspace = workspace_;
    const int processes = processes_;
    QPointer<MemoryPlanView> self(this);
    QThreadPool::globalInstance()->start([=] {
        // Background work, as training is (RunController): the GUI thread keeps its core.
        const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
        const int priority = ::getpriority(PRIO_PROCESS, thread);
        ::setpriority(PRIO_PROCESS, thread, 19);
        std::optional<MemoryPlan> plan;
        QString error;
        try {
            std::unique_ptr<ExperimentStore> store;
            if (config.distill.mode == "kd" && !workspace.empty()) store = std::make_unique<ExperimentStore>(workspace);
            plan = planRunMemory(config, processes, std::nullopt, store.get());
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        ::setpriority(PRIO_PROCESS, thread, priority);
        QMetaObject::invokeMethod(
            qApp, [self, generation, plan, error] {
                if (self) self->finished(generation, plan, error);
            },
            Qt::QueuedConnection);
    });
}

void MemoryPlanView::finished(quint64 generation, std::optional<MemoryPlan> plan, const QString& error) {
    running_ = false;
    if (again_) {
        again_ = false;
        start();
        return;
    }
    if (generation != generation_) return;  // the fields changed while it measured; a newer plan is on its way
    if (!plan) {
        show(State::Failed, tr("Memory plan: could not be made: %1").arg(error));
        return;
    }
    plan_ = std::move(plan);
    details_->setPlainText(QString::fromStdString(plan_->describe()));
    show(plan_->fits() ? State::Fits : State::DoesNotFit, tr("Memory plan: %1").arg(QString::fromStdString(plan_->summary())));
}

void MemoryPlanView::show(State state, const QString& text) {
    state_ = state;
    summary_->setText(text);
    summary_->setStyleSheet(state == State::DoesNotFit || state == State::Failed ? "color: #b00020;" : "");
    toggle_->setEnabled(plan_.has_value());
    if (!plan_) toggle_->setChecked(false);
    Q_EMIT stateChanged(state);
}

QString MemoryPlanView::summaryText() const { return summary_->text(); }

}  // namespace ferkd::ui
