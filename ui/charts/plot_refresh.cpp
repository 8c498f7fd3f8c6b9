#include "charts/plot_refresh.h"

#include <QCoreApplication>
#include <QEvent>

namespace ferkd::ui {
namespace {

// Watches one plot for its next Show and replots it then, if a replot was put off.
class ReplotOnShow : public QObject {
public:
    explicit ReplotOnShow(QCustomPlot* plot) : QObject(plot), plot_(plot) { plot->installEventFilter(this); }
    void putOff() { pending_ = true; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == plot_ && event->type() == QEvent::Show && pending_) {
            pending_ = false;
            // At once (not queued): this also clears the queued-replot mark that the
            // constructor's dropped replot left set.
            plot_->replot();
        }
        return false;
    }

private:
    QCustomPlot* plot_;
    bool pending_ = false;
};

ReplotOnShow* watcherOf(QCustomPlot* plot) {
    // (No Q_OBJECT, so findChild would match any child: look by type.)
    for (QObject* child : plot->children())
        if (auto* watcher = dynamic_cast<ReplotOnShow*>(child)) return watcher;
    return new ReplotOnShow(plot);
}

}  // namespace

QCustomPlot* newPlot() {
    auto* plot = new QCustomPlot;
    QCoreApplication::removePostedEvents(plot, QEvent::MetaCall);
    watcherOf(plot)->putOff();
    return plot;
}

void replotWhenShown(QCustomPlot* plot, QCustomPlot::RefreshPriority priority) {
    if (plot->isVisible()) plot->replot(priority);
    else watcherOf(plot)->putOff();
}

}  // namespace ferkd::ui
