#include "pdf/pdf_renderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <cstdlib>
#include <memory>

#include "pdf/summary_html.h"

namespace waymark::pdf {
namespace {

const QString kFont = QStringLiteral("DejaVu Sans");

// No ligatures: text copied out of the PDF into the online form must be plain letters ("ffi", not U+FB03).
QFont font(int points) {
  QFont f(kFont, points);
  f.setStyleStrategy(QFont::PreferNoShaping);
  return f;
}

struct Placed {
  std::unique_ptr<QTextDocument> doc;
  int page = 0;
  double y = 0;       // top of the block on its page, in device pixels from the top of the body
  double height = 0;
};

// Places blocks top to bottom: a block that does not fit goes to the next page, a heading goes with
// the block after it. A block taller than a page starts on a fresh page and is drawn across pages.
std::vector<Placed> paginate(const std::vector<Block>& blocks, QPaintDevice& device, double width, double body,
                             double point) {
  std::vector<Placed> out;
  out.reserve(blocks.size());
  for (const Block& b : blocks) {
    Placed p;
    p.doc = std::make_unique<QTextDocument>();
    p.doc->documentLayout()->setPaintDevice(&device);
    p.doc->setDefaultFont(font(10));
    p.doc->setDocumentMargin(0);
    p.doc->setTextWidth(width);
    p.doc->setHtml(b.html);
    p.height = p.doc->size().height();
    out.push_back(std::move(p));
  }
  int page = 0;
  double y = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double gap = y > 0 ? blocks[i].space_before * point : 0;
    double need = out[i].height;
    // A heading needs room for itself and the first block it heads.
    if (blocks[i].keep_with_next && i + 1 < out.size()) need += blocks[i + 1].space_before * point + out[i + 1].height;
    if (y > 0 && y + gap + std::min(need, body) > body) {
      ++page;
      y = 0;
    } else {
      y += gap;
    }
    out[i].page = page;
    out[i].y = y;
    y += out[i].height;
    while (y > body) {  // taller than what is left of the page: it runs on
      ++page;
      y -= body;
    }
  }
  return out;
}

QtMessageHandler previous_handler = nullptr;

// A command-line run has no session runtime folder, and Qt says so on every start; the PDF does not
// need one, so that one notice is dropped and everything else goes on as before.
void quiet_handler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))) return;
  if (previous_handler != nullptr) previous_handler(type, context, message);
}

}  // namespace

void ensure_gui() {
  if (QCoreApplication::instance() != nullptr) return;
  previous_handler = qInstallMessageHandler(quiet_handler);
  // No display is needed to lay out text; the offscreen platform has the fonts through fontconfig.
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "waymark";
  static char* argv[] = {name, nullptr};
  static std::unique_ptr<QGuiApplication> app = std::make_unique<QGuiApplication>(argc, argv);
}

std::string render_pdf(const report::ReferralSummary& s) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  {
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 14, 18, 14), QPageLayout::Millimeter);
    writer.setResolution(300);
    // Metadata names no person and no case: only what kind of document it is.
    writer.setTitle(QString::fromStdString(s.title));
    writer.setCreator(QStringLiteral("Waymark"));

    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const double point = writer.resolution() / 72.0;
    const double header = 24 * point, footer = 20 * point;
    const double body = page.height() - header - footer;
    const auto placed = paginate(summary_blocks(s), writer, page.width(), body, point);
    const int pages = placed.empty() ? 1 : placed.back().page + 1 +
                                               static_cast<int>((placed.back().y + placed.back().height - 1) / body);

    QPainter painter(&writer);
    const QString marking = QString::fromUtf8(report::kMarking.data(), static_cast<qsizetype>(report::kMarking.size()));
    const QString reference = QStringLiteral("Case %1 (%2 summary)")
                                  .arg(QString::fromStdString(s.reference),
                                       QString::fromStdString(std::string(report::to_string(s.variant))));
    for (int p = 0; p < pages; ++p) {
      if (p > 0) writer.newPage();
      painter.setFont(font(8));
      painter.setPen(QColor(0x22, 0x22, 0x22));
      const QRectF head(0, 0, page.width(), header * 0.6);
      painter.drawText(head, Qt::AlignLeft | Qt::AlignTop, marking);
      painter.drawText(head, Qt::AlignRight | Qt::AlignTop, reference);
      painter.drawLine(QPointF(0, header * 0.6), QPointF(page.width(), header * 0.6));
      const QRectF foot(0, page.height() - footer * 0.6, page.width(), footer * 0.6);
      painter.drawText(foot, Qt::AlignLeft | Qt::AlignBottom, marking);
      painter.drawText(foot, Qt::AlignRight | Qt::AlignBottom, QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages));

      for (const Placed& b : placed) {
        // The part of this block that falls on page p, in the block's own coordinates.
        const double top = (p - b.page) * body - b.y;
        if (top + body <= 0 || top >= b.height) continue;
        const QRectF clip(0, std::max(0.0, top), page.width(), std::min(b.height, top + body) - std::max(0.0, top));
        painter.save();
        painter.translate(0, header - top);
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = clip;
        b.doc->documentLayout()->draw(&painter, ctx);
        painter.restore();
      }
    }
  }
  buffer.close();
  return bytes.toStdString();
}

}  // namespace waymark::pdf
