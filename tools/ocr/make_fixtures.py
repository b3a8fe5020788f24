#!/usr/bin/env python3
"""Image-only PDFs for the OCR tests (tests/ocr.rs), with their source texts.

Each fixture is a bilingual privacy-policy excerpt (Kazakh and Russian
clauses numbered alike, with e-mails and phone numbers) drawn as text into
greyscale images with DejaVu Sans (which has every Kazakh letter), the images
then wrapped into a PDF with no text layer at all: a scan as a small
organisation publishes it. Written next to each PDF:

    NAME.kk.txt, NAME.ru.txt   the text drawn, one clause a line
    NAME.gold.tsv              the kk<TAB>ru clause pairs a reader would align

Fixtures:
    stacked.pdf   page 1 the Kazakh version, page 2 the Russian one (300 dpi)
    columns.pdf   one page, Kazakh left and Russian right, side by side
    noisy.pdf     as stacked.pdf but scanned badly: 200 dpi, turned 0.6°,
                  speckled and JPEG-compressed

Deterministic (a fixed seed, fixed PDF metadata). Usage:

    python3 tools/ocr/make_fixtures.py [OUT_DIR]    # default fixtures/ocr

Needs: pillow, reportlab, fonts-dejavu-core.
"""

import io
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
A4 = (595.0, 842.0)

KK = [
    ("1.", "Жалпы ережелер", True),
    ("1.1.", "Осы Құпиялылық саясаты «Жылдам Несие» МҚҰ» ЖШС (бұдан әрі – Ұйым) "
     "клиенттердің дербес деректерін жинау, өңдеу және қорғау тәртібін айқындайды.", False),
    ("1.2.", "Саясат Қазақстан Республикасының «Дербес деректер және оларды қорғау "
     "туралы» Заңына сәйкес әзірленді.", False),
    ("2.", "Дербес деректерді өңдеу", True),
    ("2.1.", "Ұйым клиенттің тегін, атын, жеке сәйкестендіру нөмірін, телефон нөмірін "
     "және электрондық пошта мекенжайын өңдейді.", False),
    ("2.2.", "Дербес деректер қарыз беру туралы шешім қабылдау және шартты орындау "
     "мақсатында өңделеді.", False),
    ("2.3.", "Дербес деректер шарт аяқталғаннан кейін бес жыл бойы сақталады.", False),
    ("3.", "Субъектінің құқықтары", True),
    ("3.1.", "Клиент өзінің дербес деректеріне қол жеткізуге, оларды өзгертуге және "
     "толықтыруға құқылы.", False),
    ("3.2.", "Клиент келісімін кері қайтарып алуға құқылы, ол үшін privacy@jylnesie.kz "
     "мекенжайына жазбаша өтініш жібереді.", False),
    ("3.3.", "Сұрақтар бойынша +7 (727) 355-44-10 телефоны арқылы хабарласыңыз.", False),
]

RU = [
    ("1.", "Общие положения", True),
    ("1.1.", "Настоящая Политика конфиденциальности ТОО «МФО «Жылдам Несие» (далее – "
     "Организация) определяет порядок сбора, обработки и защиты персональных данных "
     "клиентов.", False),
    ("1.2.", "Политика разработана в соответствии с Законом Республики Казахстан "
     "«О персональных данных и их защите».", False),
    ("2.", "Обработка персональных данных", True),
    ("2.1.", "Организация обрабатывает фамилию, имя, индивидуальный идентификационный "
     "номер, номер телефона и адрес электронной почты клиента.", False),
    ("2.2.", "Персональные данные обрабатываются в целях принятия решения о выдаче "
     "займа и исполнения договора.", False),
    ("2.3.", "Персональные данные хранятся в течение пяти лет после прекращения "
     "договора.", False),
    ("3.", "Права субъекта", True),
    ("3.1.", "Клиент вправе получать доступ к своим персональным данным, изменять и "
     "дополнять их.", False),
    ("3.2.", "Клиент вправе отозвать согласие, направив письменное заявление на адрес "
     "privacy@jylnesie.kz.", False),
    ("3.3.", "По вопросам обращайтесь по телефону +7 (727) 355-44-10.", False),
]

KK_TITLE = "ҚҰПИЯЛЫЛЫҚ САЯСАТЫ"
RU_TITLE = "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ"


def wrap(draw, text, font, width):
    """Lines of `text` no wider than `width` pixels."""
    lines, line = [], ""
    for word in text.split():
        trial = (line + " " + word).strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def draw_version(draw, title, clauses, x, y, width, dpi):
    """Draw a title and numbered clauses (hanging indent) from (x, y);
    returns the y below them."""
    pt = dpi / 72.0
    font = ImageFont.truetype(FONT, round(10.5 * pt))
    bold = ImageFont.truetype(BOLD, round(10.5 * pt))
    big = ImageFont.truetype(BOLD, round(12 * pt))
    lead = round(15 * pt)
    indent = round(28 * pt)
    for line in wrap(draw, title, big, width):
        draw.text((x, y), line, font=big, fill=0)
        y += round(17 * pt)
    y += round(9 * pt)
    for number, text, heading in clauses:
        f = bold if heading else font
        if heading:
            y += round(6 * pt)
        draw.text((x, y), number, font=f, fill=0)
        for line in wrap(draw, text, f, width - indent):
            draw.text((x + indent, y), line, font=f, fill=0)
            y += lead
        y += round(4 * pt)
    return y


def page(dpi):
    w, h = round(A4[0] / 72 * dpi), round(A4[1] / 72 * dpi)
    img = Image.new("L", (w, h), 255)
    return img, ImageDraw.Draw(img)


def save_pdf(path, images, jpeg=False):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    for img in images:
        buf = io.BytesIO()
        if jpeg:
            img.save(buf, format="JPEG", quality=60)
        else:
            img.save(buf, format="PNG", optimize=True)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()


def stacked(dpi):
    pages = []
    for title, clauses in ((KK_TITLE, KK), (RU_TITLE, RU)):
        img, d = page(dpi)
        m = round(60 / 72 * dpi)
        draw_version(d, title, clauses, m, m, img.width - 2 * m, dpi)
        pages.append(img)
    return pages


def columns(dpi):
    img, d = page(dpi)
    m = round(40 / 72 * dpi)
    gap = round(24 / 72 * dpi)
    col = (img.width - 2 * m - gap) // 2
    draw_version(d, KK_TITLE, KK, m, m, col, dpi)
    draw_version(d, RU_TITLE, RU, m + col + gap, m, col, dpi)
    return [img]


def noisy(dpi):
    rnd = random.Random(20240611)
    out = []
    for img in stacked(dpi):
        img = img.rotate(0.6, resample=Image.BICUBIC, expand=False, fillcolor=255)
        px = img.load()
        for _ in range(img.width * img.height // 400):
            x, y = rnd.randrange(img.width), rnd.randrange(img.height)
            px[x, y] = rnd.choice((0, 90, 160))
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        out.append(img)
    return out


def write_texts(out, name):
    for lang, clauses in (("kk", KK), ("ru", RU)):
        title = KK_TITLE if lang == "kk" else RU_TITLE
        with open(os.path.join(out, f"{name}.{lang}.txt"), "w", encoding="utf-8") as f:
            f.write(title + "\n")
            for number, text, _ in clauses:
                f.write(f"{number} {text}\n")
    with open(os.path.join(out, f"{name}.gold.tsv"), "w", encoding="utf-8") as f:
        f.write("# kk clause id<TAB>ru clause id: the pairs a reader aligns\n")
        for (n, _, _), (m, _, _) in zip(KK, RU):
            f.write(f"kk:{n.rstrip('.')}\tru:{m.rstrip('.')}\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "ocr")
    os.makedirs(out, exist_ok=True)
    save_pdf(os.path.join(out, "stacked.pdf"), stacked(300))
    save_pdf(os.path.join(out, "columns.pdf"), columns(300))
    save_pdf(os.path.join(out, "noisy.pdf"), noisy(200), jpeg=True)
    for name in ("stacked", "columns", "noisy"):
        write_texts(out, name)


if __name__ == "__main__":
    main()
