#include "chartdonut.h"

#include "chartpalette.h"
#include "chartstyle.h"
#include "logformat.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>

namespace {

// Providers beyond this many are folded into "Other", so the ring stays readable.
constexpr int maxSlices = 7;

QString colorSquare(const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1\">&#9679;</span>").arg(color.name());
}

} // namespace

ChartDonut::ChartDonut(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_series(new QPieSeries(m_chart))
    , m_legend(new QLabel(this))
{
    m_series->setHoleSize(0.58);
    m_series->setPieSize(0.9);
    m_chart->addSeries(m_series);
    m_chart->legend()->hide();
    m_chart->setTitle(tr("Share per provider"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));
    m_view->setMinimumSize(160, 160);

    m_legend->setTextFormat(Qt::RichText);
    m_legend->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_legend->setMinimumWidth(150);
    m_legend->setWordWrap(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_legend, 2);
    restyle();
}

void ChartDonut::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void ChartDonut::restyle()
{
    ChartStyle::apply(m_chart, palette());
    m_chart->legend()->hide();
    const auto slices = m_series->slices();
    for (int i = 0; i < slices.size(); ++i) {
        slices.at(i)->setBrush(colorOf(i));
        slices.at(i)->setBorderColor(palette().color(QPalette::Window));
    }
}

QColor ChartDonut::quietTextColor() const
{
    // The placeholder role may be translucent, which rich text cannot show: mix it instead.
    const QColor text = palette().color(QPalette::Text);
    const QColor window = palette().color(QPalette::Window);
    return QColor::fromRgbF(text.redF() * 0.55 + window.redF() * 0.45,
                            text.greenF() * 0.55 + window.greenF() * 0.45,
                            text.blueF() * 0.55 + window.blueF() * 0.45);
}

QColor ChartDonut::colorOf(int index)
{
    // A provider keeps its colour across ranges and refreshes, whatever its rank.
    const QString name = m_shares.value(index).provider;
    auto it = m_colors.constFind(name);
    if (it == m_colors.constEnd())
        it = m_colors.insert(name, int(m_colors.size()));
    return ChartPalette::series(it.value(), palette());
}

void ChartDonut::setShares(const QList<StatsShare> &shares)
{
    m_series->clear();
    m_shares = shares;
    if (m_shares.size() > maxSlices) {
        StatsShare other;
        other.provider = tr("Other");
        for (int i = maxSlices - 1; i < m_shares.size(); ++i) {
            other.requests += m_shares.at(i).requests;
            other.models.append({ m_shares.at(i).provider, m_shares.at(i).requests });
        }
        m_shares = m_shares.mid(0, maxSlices - 1);
        m_shares.append(other);
    }
    for (int i = 0; i < m_shares.size(); ++i) {
        auto *slice = m_series->append(m_shares.at(i).provider, qreal(m_shares.at(i).requests));
        slice->setBorderWidth(2);
        connect(slice, &QPieSlice::hovered, this,
                [this, i](bool state) { highlight(state ? i : -1); });
    }
    restyle();
    showProviders();
}

void ChartDonut::highlight(int index)
{
    const auto slices = m_series->slices();
    for (int i = 0; i < slices.size(); ++i)
        slices.at(i)->setExploded(i == index);
    if (index >= 0 && index < m_shares.size())
        showModels(index);
    else
        showProviders();
}

void ChartDonut::showProviders()
{
    QList<QPair<QString, qint64>> entries;
    QList<QColor> colors;
    qint64 total = 0;
    for (int i = 0; i < m_shares.size(); ++i) {
        entries.append({ m_shares.at(i).provider, m_shares.at(i).requests });
        colors.append(colorOf(i));
        total += m_shares.at(i).requests;
    }
    setLegend(tr("Requests: %1").arg(LogFormat::count(total)), entries, colors, total,
              m_shares.isEmpty() ? QString() : tr("Point at a slice for its models."));
}

void ChartDonut::showModels(int index)
{
    const StatsShare &share = m_shares.at(index);
    QList<QColor> colors;
    const QColor base = colorOf(index);
    for (int i = 0; i < share.models.size(); ++i)
        colors.append(i == 0 ? base : base.lighter(100 + 18 * qMin(i, 4)));
    setLegend(tr("%1 · models").arg(share.provider), share.models, colors, share.requests);
}

void ChartDonut::setLegend(const QString &title, const QList<QPair<QString, qint64>> &entries,
                           const QList<QColor> &colors, qint64 total, const QString &footer)
{
    m_legendLines.clear();
    QString html = QStringLiteral("<p style=\"margin-bottom:6px\"><b>%1</b></p><table "
                                  "cellspacing=\"0\" cellpadding=\"2\">")
                       .arg(title.toHtmlEscaped());
    for (int i = 0; i < entries.size(); ++i) {
        const double share = total > 0 ? double(entries.at(i).second) / double(total) : 0;
        const QString percent = LogFormat::percent(share);
        m_legendLines.append(entries.at(i).first + QLatin1Char(' ') + percent);
        html
            += QStringLiteral("<tr><td>%1&nbsp;</td><td>%2</td><td align=\"right\">"
                              "&nbsp;&nbsp;%3</td></tr>")
                   .arg(colorSquare(colors.value(i)), entries.at(i).first.toHtmlEscaped(), percent);
    }
    html += QStringLiteral("</table>");
    if (!footer.isEmpty())
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(quietTextColor().name(), footer.toHtmlEscaped());
    m_legend->setText(html);
}
