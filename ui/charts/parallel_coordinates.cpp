#include "charts/parallel_coordinates.h"

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace ferkd::ui {

namespace {

// A few stops of matplotlib's viridis: dark purple (low) to yellow (high).
QColor viridis(double t) {
    static const QColor stops[] = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140), QColor(94, 201, 98),
                                   QColor(253, 231, 37)};
    t = std::clamp(t, 0.0, 1.0) * 4;
    const int i = std::min(3, int(t));
    const double f = t - i;
    auto mix = [&](int a, int b) { return int(a + (b - a) * f); };
    return QColor(mix(stops[i].red(), stops[i + 1].red()), mix(stops[i].green(), stops[i + 1].green()),
                  mix(stops[i].blue(), stops[i + 1].blue()));
}

QString number(double v) { return QString::number(v, 'g', 3); }

// Distance from `p` to the segment a-b.
double segmentDistance(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

}  // namespace

ParallelCoordinates::ParallelCoordinates(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(240);
    setMouseTracking(false);
}

void ParallelCoordinates::setData(const std::vector<ComparedRun>& runs, const std::vector<SweepAxis>& axes,
                                  SweepMetric metric) {
    axes_.clear();
    lines_.clear();
    for (const SweepAxis& a : axes) {
        Axis axis;
        axis.name = QString::fromStdString(a.field);
        axis.log = a.log;
        for (const auto& c : a.categories) axis.categories << QString::fromStdString(c);
        if (a.numeric && !a.values.empty()) {
            const auto [lo, hi] = std::minmax_element(a.values.begin(), a.values.end());
            axis.lo = *lo;
            axis.hi = *hi;
        } else {
            axis.lo = 0;
            axis.hi = std::max(1.0, double(axis.categories.size() - 1));
        }
        axes_.push_back(axis);
    }
    Axis metricAxis;
    metricAxis.name = QString::fromUtf8(sweepMetricName(metric));
    std::vector<double> metrics;
    for (size_t i = 0; i < runs.size(); ++i) {
        const auto m = sweepMetricOf(runs[i], metric);
        if (!m) continue;  // a run without the metric (unfinished, no val split) draws no line
        Line line;
        line.run = runs[i].id;
        line.name = QString::fromStdString(runs[i].name);
        for (const SweepAxis& a : axes) line.values.push_back(a.values[i]);
        line.values.push_back(*m);
        line.metric = *m;
        metrics.push_back(*m);
        lines_.push_back(std::move(line));
    }
    if (!metrics.empty()) {
        const auto [lo, hi] = std::minmax_element(metrics.begin(), metrics.end());
        metricLo_ = *lo;
        metricHi_ = *hi;
    }
    metricAxis.lo = metricLo_;
    metricAxis.hi = metricHi_;
    axes_.push_back(metricAxis);
    if (std::none_of(lines_.begin(), lines_.end(), [&](const Line& l) { return l.run == highlighted_; })) highlighted_ = 0;
    update();
}

QStringList ParallelCoordinates::axisNames() const {
    QStringList names;
    for (const Axis& a : axes_) names << a.name;
    return names;
}

std::vector<double> ParallelCoordinates::lineValues(qint64 runId) const {
    for (const Line& l : lines_)
        if (l.run == runId) return l.values;
    return {};
}

QRectF ParallelCoordinates::plotArea() const { return QRectF(rect()).adjusted(60, 36, -60, -40); }

double ParallelCoordinates::axisX(int axis) const {
    const QRectF area = plotArea();
    const int n = int(axes_.size());
    return n <= 1 ? area.center().x() : area.left() + area.width() * axis / double(n - 1);
}

QString ParallelCoordinates::titleOf(int axis) const {
    const Axis& a = axes_[size_t(axis)];
    const QString title = a.name + (a.log ? tr(" (log)") : QString());
    const int share = int(plotArea().width() / std::max<size_t>(1, axes_.size())) + 40;
    return fontMetrics().elidedText(title, Qt::ElideMiddle, std::min(share, width()));
}

QRectF ParallelCoordinates::titleRect(int axis) const {
    const double w = fontMetrics().horizontalAdvance(titleOf(axis)) + 4;
    const double left = std::clamp(axisX(axis) - w / 2, 0.0, std::max(0.0, width() - w));
    return QRectF(left, plotArea().top() - 30, w, 20);
}

double ParallelCoordinates::valueY(int axis, double value) const {
    const Axis& a = axes_[size_t(axis)];
    double t = 0.5;
    if (a.log && value > 0 && a.lo > 0 && a.hi > a.lo) t = std::log(value / a.lo) / std::log(a.hi / a.lo);
    else if (a.hi > a.lo) t = (value - a.lo) / (a.hi - a.lo);
    const QRectF area = plotArea();
    return area.bottom() - t * area.height();
}

QPointF ParallelCoordinates::pointOf(const Line& line, int axis) const {
    return {axisX(axis), valueY(axis, line.values[size_t(axis)])};
}

QPointF ParallelCoordinates::linePoint(qint64 runId, int axis) const {
    for (const Line& l : lines_)
        if (l.run == runId && axis >= 0 && axis < int(l.values.size())) return pointOf(l, axis);
    return {};
}

QColor ParallelCoordinates::lineColour(double metric) const {
    return viridis(metricHi_ > metricLo_ ? (metric - metricLo_) / (metricHi_ - metricLo_) : 1.0);
}

qint64 ParallelCoordinates::runAt(const QPointF& pos) const {
    qint64 best = 0;
    double nearest = 6;  // pixels
    for (const Line& l : lines_)
        for (int a = 0; a + 1 < int(l.values.size()); ++a) {
            const double d = segmentDistance(pos, pointOf(l, a), pointOf(l, a + 1));
            if (d < nearest) nearest = d, best = l.run;
        }
    return best;
}

void ParallelCoordinates::highlight(qint64 runId) {
    highlighted_ = runId;
    update();
}

void ParallelCoordinates::mousePressEvent(QMouseEvent* event) {
    const qint64 run = runAt(event->position());
    highlight(run);
    if (run) Q_EMIT runClicked(run);
}

void ParallelCoordinates::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (lines_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Select two or more finished runs that differ in some setting (a sweep's runs)."));
        return;
    }
    const QRectF area = plotArea();
    const QFontMetrics fm = fontMetrics();
    // The lines first, the highlighted one last and thick, then the axes over them.
    auto drawLine = [&](const Line& l, double width) {
        QPainterPath path;
        for (int a = 0; a < int(l.values.size()); ++a) {
            const QPointF pt = pointOf(l, a);
            if (a == 0) path.moveTo(pt);
            else path.lineTo(pt);
        }
        QColor c = lineColour(l.metric);
        if (highlighted_ && l.run != highlighted_) c.setAlpha(90);
        p.setPen(QPen(c, width));
        p.drawPath(path);
    };
    for (const Line& l : lines_)
        if (l.run != highlighted_) drawLine(l, 1.6);
    for (const Line& l : lines_)
        if (l.run == highlighted_) drawLine(l, 3.5);
    p.setPen(palette().color(QPalette::Text));
    for (int a = 0; a < int(axes_.size()); ++a) {
        const Axis& axis = axes_[size_t(a)];
        const double x = axisX(a);
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        p.drawText(titleRect(a), Qt::AlignCenter, titleOf(a));
        auto tick = [&](double value, const QString& text) {
            const double y = valueY(a, value);
            p.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
            p.drawText(QRectF(x + 5, y - 8, 120, 16), Qt::AlignLeft | Qt::AlignVCenter, text);
        };
        if (!axis.categories.isEmpty()) {
            for (int c = 0; c < axis.categories.size(); ++c) tick(c, fm.elidedText(axis.categories[c], Qt::ElideRight, 90));
        } else if (axis.hi > axis.lo) {
            for (int k = 0; k <= 4; ++k) {
                const double t = k / 4.0;
                const double v = axis.log ? axis.lo * std::pow(axis.hi / axis.lo, t) : axis.lo + t * (axis.hi - axis.lo);
                tick(v, number(v));
            }
        } else {
            tick(axis.lo, number(axis.lo));
        }
    }
    if (highlighted_) {
        for (const Line& l : lines_)
            if (l.run == highlighted_)
                p.drawText(QRectF(area.left(), area.bottom() + 16, area.width(), 20), Qt::AlignCenter,
                           tr("run %1 \"%2\": %3").arg(l.run).arg(l.name).arg(number(l.metric)));
    }
}

}  // namespace ferkd::ui
