#!/usr/bin/env python3
"""gencorpus: generate labelled corpora of kk/ru personal-data policies with
planted families (copies of one template under new company names) and planted
deviations, plus singletons, and write the gold as gold.json.

Python 3 standard library only; output is a pure function of the arguments
(including --seed).  See fixtures/families/README.md.
"""
import argparse
import hashlib
import json
import os
import random
import re
import sys
import textwrap
import time

# ---------------------------------------------------------------- scripts
KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІə")  # ə: Latin schwa written for ә
# ы and э also occur in Kazakh, so only the Kazakh-specific letters decide;
# a Cyrillic run with none of them is Russian.
RU_ONLY = set("ыэъёЫЭЪЁ")


def cyr_count(s):
    return sum(1 for c in s if "\u0400" <= c <= "\u04ff")


def script_lang(s):
    kk = sum(1 for c in s if c in KK_LETTERS)
    cyr = cyr_count(s)
    if kk and kk * 40 >= cyr:
        return "kk"
    if cyr >= 12 or (cyr >= 4 and any(c in RU_ONLY for c in s) and not kk):
        return "ru"
    return None


# ---------------------------------------------------------------- parsing
CLAUSE_RE = re.compile(
    r"(?:^|(?<=<p>)|(?<=<li>)|(?<=</p> )|(?<=</p>))[ \t\u00a0]*(?:\*\*)?"
    r"(\d{1,2}(?:\.\d{1,2}){0,3})([.)])(?=[ \u00a0\t*]|$)"
)
TAG_RE = re.compile(r"<[^>]+>")


class Clause:
    __slots__ = ("num", "lang", "start", "numpos", "end", "cell", "clean",
                 "simple", "unique", "unit")

    def __repr__(self):
        return "Clause(%s %s %d-%d clean=%s simple=%s)" % (
            self.lang, self.num, self.start, self.end, self.clean, self.simple)


def file_lang_hint(name):
    b = os.path.basename(name).lower()
    b = re.sub(r"\.txt$", "", b)
    if re.search(r"_(ru_?kk|kk_?ru)$", b):
        return None
    if b.endswith("_kk"):
        return "kk"
    if b.endswith("_ru"):
        return "ru"
    return None


def parse(text, name=""):
    """Find units (lines / table cells), their language, and numbered clauses
    with their spans. Returns (units, clauses, mono_lang)."""
    units = []  # [start, end, kind, lang]
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        if "\t" in line:
            cs = ls
            for cell in line.split("\t"):
                units.append([cs, cs + len(cell), "cell", script_lang(cell)])
                cs += len(cell) + 1
        else:
            units.append([ls, le, "line", script_lang(line)])
        pos = le + 1
    # file language
    mono = file_lang_hint(name)
    if mono is None:
        nk = sum(1 for u in units if u[3] == "kk")
        nr = sum(1 for u in units if u[3] == "ru")
        if nk + nr and min(nk, nr) <= 0.03 * (nk + nr):
            mono = "kk" if nk >= nr else "ru"
    if mono:
        for u in units:
            if cyr_count(text[u[0]:u[1]]):
                u[3] = mono
    else:
        # a short line without Kazakh-specific letters ("Сайт пайдаланушысы")
        # takes the language of the strong lines around it when they agree
        strong = []
        for i, u in enumerate(units):
            seg = text[u[0]:u[1]]
            kk = sum(1 for c in seg if c in KK_LETTERS)
            cyr = cyr_count(seg)
            if u[3] and (kk >= 2 or (kk == 0 and cyr >= 25)):
                strong.append(i)
        for a, z in zip(strong, strong[1:]):
            if units[a][3] == units[z][3] and z - a <= 6:
                for i in range(a + 1, z):
                    if units[i][2] == "line" and units[a][2] == "line" and units[i][3] and cyr_count(text[units[i][0]:units[i][1]]) < 25:
                        units[i][3] = units[a][3]
        last = None
        for u in units:  # short neutral lines inherit the running language
            if u[2] == "line":
                if u[3] is None and cyr_count(text[u[0]:u[1]]):
                    u[3] = last
                if u[3]:
                    last = u[3]
    # clause starts
    starts = []
    for ui, (us, ue, kind, lang) in enumerate(units):
        seg = text[us:ue]
        for m in CLAUSE_RE.finditer(seg):
            num, delim = m.group(1), m.group(2)
            if delim == ")" and "." not in num:
                continue  # list item 1), part of its clause
            if num.startswith("0"):
                continue
            rest = seg[m.end():m.end() + 40].lstrip(" \u00a0*\t")
            if not rest or rest[0].islower():
                continue  # a wrapped reference like "2.4. тармағында"
            lang = lang or script_lang(seg[m.end():m.end() + 200])
            if lang is None:
                continue
            numpos = us + m.start(1)
            sstart = us + m.start()
            # include an opening tag right before
            for tag in ("<p>", "<li>"):
                if text[sstart - len(tag):sstart] == tag:
                    sstart -= len(tag)
            if kind == "line" and m.start() == 0:
                sstart = us
            starts.append((sstart, numpos, num, lang, ui))
    starts.sort()
    clauses = []
    nunits = len(units)
    for i, (sstart, numpos, num, lang, ui) in enumerate(starts):
        c = Clause()
        c.num, c.lang, c.start, c.numpos, c.unit = num, lang, sstart, numpos, ui
        nxt = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        kind = units[ui][2]
        c.cell = kind == "cell"
        if kind == "cell":
            bound = units[ui][1]
        else:
            bound = len(text)
            for uj in range(ui + 1, nunits):
                u = units[uj]
                if u[0] >= nxt:
                    break
                if u[2] == "cell" or (u[3] and u[3] != lang):
                    bound = u[0]
                    break
        c.end = min(nxt, bound)
        # clean: the clause is not continued after another language's block
        if i + 1 < len(starts) and c.end == nxt and starts[i + 1][3] == lang:
            c.clean = True
        else:
            c.clean = True
            for uj in range(ui + 1, nunits):
                u = units[uj]
                if u[0] < c.end or u[3] != lang:
                    continue
                body = text[u[0]:u[1]]
                if not body.strip():
                    continue
                # first same-language content after the clause: must be a clause start
                c.clean = any(s[4] == uj and s[0] - u[0] <= len(body) - len(body.lstrip(" \t\u00a0")) + 4
                              for s in starts[i + 1:i + 60])
                break
        c.simple = is_simple(text[c.start:c.end])
        clauses.append(c)
    counts = {}
    for c in clauses:
        counts[(c.lang, c.num)] = counts.get((c.lang, c.num), 0) + 1
    for c in clauses:
        c.unique = counts[(c.lang, c.num)] == 1
    return units, clauses, mono


PARA_SPLIT = re.compile(r"\n[ \t\u00a0]*\n|</p>\s*<p>")


def is_simple(span):
    """No unnumbered paragraph of its own after the clause's text."""
    paras = PARA_SPLIT.split(span)
    prev = None
    for p in paras:
        s = TAG_RE.sub(" ", p).replace("**", "").strip()
        if not s:
            continue
        if prev is not None and re.match(r"[«\"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", s) and re.search(r"[.!?]$", prev):
            return False
        prev = s
    return True


# ---------------------------------------------------------------- identities
NAME_A = ["Алтын", "Асыл", "Береке", "Дала", "Тулпар", "Арман", "Самал", "Мерей",
          "Бастау", "Аспан", "Сапар", "Кемел", "Жасыл", "Керуен", "Орда", "Барыс",
          "Алатау", "Сарыарка", "Арай", "Нарын", "Жетысу", "Тараз", "Болашак",
          "Ертис", "Байтерек", "Шапагат", "Достар", "Мирас", "Нысана", "Жайлау"]
NAME_B = ["Несие", "Кредит", "Финанс", "Капитал", "Займ", "Инвест", "Касса",
          "Тенге", "Траст", "Микро", "Экспресс", "Плюс", "Актив", "Ресурс", "Групп"]
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                     "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "y", "",
                     "e", "yu", "ya", "a", "g", "q", "n", "o", "u", "u", "h", "i"]))
KK_CITIES = [("Алматы қ.", "г. Алматы", "050000", "Абай даңғылы", "пр. Абая"),
             ("Астана қ.", "г. Астана", "010000", "Қабанбай батыр даңғылы", "пр. Кабанбай батыра"),
             ("Шымкент қ.", "г. Шымкент", "160000", "Тәуке хан даңғылы", "пр. Тауке хана"),
             ("Қарағанды қ.", "г. Караганда", "100000", "Бұқар жырау даңғылы", "пр. Бухар жырау"),
             ("Ақтөбе қ.", "г. Актобе", "030000", "Әбілқайыр хан даңғылы", "пр. Абулхаир хана")]


def translit(s):
    return "".join(TRANSLIT.get(c, c) for c in s.lower()).replace(" ", "-")


class Namer:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self):
        rng = self.rng
        for _ in range(1000):
            if len(self.used) < 300 or rng.random() < 0.5:
                brand = "%s %s" % (rng.choice(NAME_A), rng.choice(NAME_B))
            else:
                a, b = rng.sample(NAME_A, 2)
                brand = "%s %s %s" % (a, b, rng.choice(NAME_B))
            if brand not in self.used:
                break
        else:
            brand = "%s %s %d" % (rng.choice(NAME_A), rng.choice(NAME_B), len(self.used))
        self.used.add(brand)
        slug = translit(brand)
        city = rng.choice(KK_CITIES)
        house = rng.randint(1, 250)
        office = rng.randint(1, 40)
        return {
            "brand": brand,
            "slug": slug,
            "domains": [slug + ".kz", slug + "-credit.kz", "my" + slug.replace("-", "") + ".kz"],
            "bin": "%02d%02d4%07d" % (rng.randint(10, 24), rng.randint(1, 12), rng.randint(0, 9999999)),
            "phone_digits": "7%d%08d" % (rng.choice([0, 1, 2, 7]), rng.randint(0, 99999999)),
            "addr_kk": "%s, Қазақстан, %s, %s, %d-үй, %d-кеңсе" % (city[2], city[0], city[3], house, office),
            "addr_ru": "%s, Казахстан, %s, %s, д. %d, офис %d" % (city[2], city[1], city[4], house, office),
            "city_kk": city[0], "city_ru": city[1],
        }


# --------------------------------------------------------------- detection
URL_RE = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:kz|ru|com|me|org|net)(?:/[^\s<>)\"»]*)?")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b")
BIN_RE = re.compile(r"(?<!\d)\d{12}(?!\d)")
ADDR_RE = re.compile(r"\b\d{6}, [^;\n]{0,120}?(?:көшесі|даңғылы|ул\.|улица|пр\.|проспект)[^;\n]{0,12}?\d+(?:/\d+)?(?:-ғимарат|-үй)?")
EXTERNAL = ("gov", "npc", "egov", "adilet", "google", "yandex", "gmail", "mail.ru", "zan.kz")
GENERIC = {"МФО", "МҚҰ", "ТОО", "ЖШС", "Микрофинансовая организация", "Политика", "Саясат"}
BRAND_RES = [
    re.compile(r"(?:ТОО|ЖШС|МФО|МҚҰ)\s*[«\"]\s*(?:(?:МФО|Микрофинансовая организация|МҚҰ)\s*[«\"]?\s*)?([^«»\"\n]{2,40}?)\s*[»\"]"),
    re.compile(r"[«\"]\s*([^«»\"\n]{2,40}?)\s*[»\"]\s*(?:[»\"]\s*)?(?:МҚҰ|МФО|ЖШС|ТОО|микроқаржы|МИКРОҚАРЖЫ)"),
    re.compile(r"(?:ТОО|ЖШС)\s+([A-Z][A-Za-z]{2,30})"),
]


def registrable(host):
    host = re.sub(r"^https?://", "", host).split("/")[0].lower()
    parts = host.split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def detect_identity(text, extra_brands=()):
    cand = {}
    for rx in BRAND_RES:
        for m in rx.finditer(text):
            b = re.sub(r"\s+", " ", m.group(1)).strip(" .,")
            if b in GENERIC or len(b) < 3 or re.search(r"\d", b) or len(b.split()) > 3:
                continue
            if re.search(r"мфо|мқұ|микрофинанс|микроқаржы|ұйым|организац", b.lower()):
                continue
            cand[b.lower()] = cand.get(b.lower(), 0) + 1
    brands = set(b for b in extra_brands if b)
    if cand:
        best = max(cand.items(), key=lambda kv: (kv[1], kv[0]))[0]
        brands.add(best)
        # also variants sharing a word with the best (e.g. «Finbox» and «FINBOX»)
        for b in cand:
            if b != best and (b in best or best in b) and cand[b] >= 1:
                brands.add(b)
    domains = []
    for m in list(URL_RE.finditer(text)) + [re.search(r"@(.+)$", e.group(0)) for e in EMAIL_RE.finditer(text)]:
        d = registrable(m.group(0) if not m.group(0).startswith("@") else m.group(1))
        if any(x in d for x in EXTERNAL) or d in domains:
            continue
        if re.search(r"@", m.group(0)) and not m.group(0).startswith("@"):
            continue
        domains.append(d)
    brands = sorted(brands, key=len, reverse=True)
    return {"brands": brands, "domains": domains}


def brand_regex(brands):
    if not brands:
        return None
    alts = []
    for b in brands:
        words = [re.escape(w) for w in b.split()]
        alts.append(r"\s+".join(words))
    return re.compile(r"(?<![\w-])(?:%s)(?![\w])" % "|".join(alts), re.IGNORECASE)


class Renamer:
    """Replaces a source's company name, sites, e-mails, phones, BIN and address."""

    def __init__(self, ident, new):
        self.brx = brand_regex(ident["brands"])
        self.dmap = {}
        for i, d in enumerate(ident["domains"]):
            self.dmap[d] = new["domains"][min(i, len(new["domains"]) - 1)]
        self.drx = re.compile("|".join(re.escape(d) for d in sorted(self.dmap, key=len, reverse=True)),
                              re.IGNORECASE) if self.dmap else None
        self.new = new

    def brand_sub(self, m):
        s = m.group(0)
        b = self.new["brand"]
        if s.isupper() and len(s) > 3:
            return b.upper()
        return b

    def phone_sub(self, m):
        s = m.group(0)
        digits = iter(self.new["phone_digits"])
        out = []
        first = True
        for ch in s:
            if ch.isdigit():
                if first:
                    out.append(ch)  # keep +7 / 8
                    first = False
                else:
                    out.append(next(digits, "0") if True else ch)
            else:
                out.append(ch)
        return "".join(out)

    def email_sub(self, m):
        e = m.group(0)
        local, dom = e.split("@", 1)
        if registrable(dom) in self.dmap:
            return e  # the domain map handles it
        return "info@" + self.new["domains"][0]

    def addr_sub(self, m):
        s = m.group(0)
        return self.new["addr_kk"] if script_lang(s) == "kk" or any(c in KK_LETTERS for c in s) else self.new["addr_ru"]

    def __call__(self, t):
        if not t:
            return t
        if self.brx:
            t = self.brx.sub(self.brand_sub, t)
        t = EMAIL_RE.sub(self.email_sub, t)
        if self.drx:
            t = self.drx.sub(lambda m: self.dmap[m.group(0).lower()], t)
        t = PHONE_RE.sub(self.phone_sub, t)
        t = BIN_RE.sub(lambda m: self.new["bin"], t)
        t = ADDR_RE.sub(self.addr_sub, t)
        return t


# --------------------------------------------------------------- sources
class Source:
    def __init__(self, name, text, extra_brands=()):
        self.name = name
        self.text = text
        self.units, self.clauses, self.mono = parse(text, name)
        self.ident = detect_identity(text, extra_brands)
        self.langs = [self.mono] if self.mono else ["kk", "ru"]
        # pieces: gaps and clause spans, in order
        self.pieces = []
        pos = 0
        self.piece_of = {}
        for c in self.clauses:
            if c.start > pos:
                self.pieces.append([text[pos:c.start], None])
            self.piece_of[(c.lang, c.num)] = len(self.pieces) if c.unique else None
            self.pieces.append([text[c.start:c.end], c])
            pos = c.end
        if pos < len(text):
            self.pieces.append([text[pos:], None])
        self.eligible = {}
        for lang in ("kk", "ru"):
            self.eligible[lang] = [c for c in self.clauses
                                   if c.lang == lang and c.unique and c.clean and c.simple and "." in c.num
                                   and len(TAG_RE.sub("", text[c.numpos:c.end]).strip()) > 30]
        lines = [l for l in text.split("\n") if l.strip()]
        lens = sorted(len(l) for l in lines)
        self.wrap = None
        if lens and "\t" not in text and lens[len(lens) // 2] < 70:
            self.wrap = max(40, lens[int(len(lens) * 0.9)])
        self.sig = shingles(text)


def shingles(text, n=5):
    t = TAG_RE.sub(" ", text).lower()
    w = re.findall(r"[^\W\d_]+", t)
    return set(" ".join(w[i:i + n]) for i in range(0, max(0, len(w) - n + 1)))


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def cluster_sources(sources, thr=0.2):
    """Group sources that are already near-duplicates of each other (e.g. two
    companies' policies from one template): they must not end up in different
    families or as singletons."""
    parent = list(range(len(sources)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i in range(len(sources)):
        for j in range(i + 1, len(sources)):
            if jaccard(sources[i].sig, sources[j].sig) >= thr:
                parent[find(i)] = find(j)
    groups = {}
    for i, s in enumerate(sources):
        groups.setdefault(find(i), []).append(s)
    return sorted(groups.values(), key=lambda g: g[0].name)


# ------------------------------------------------------- planted content
BANK = [  # (kk, ru): clauses written for gencorpus
    ("Дербес деректер олардың жиналу мақсаттарына қол жеткізілгеннен кейін 5 жыл бойы сақталады.",
     "Персональные данные хранятся в течение 5 лет после достижения целей их сбора."),
    ("Пайдаланушының өтініші 10 жұмыс күні ішінде қаралады.",
     "Обращение пользователя рассматривается в течение 10 рабочих дней."),
    ("Пайдаланушы өз дербес деректерін өңдеуге берген келісімін кез келген уақытта кері қайтарып алуға құқылы.",
     "Пользователь вправе в любое время отозвать согласие на обработку своих персональных данных."),
    ("Дербес деректер Қазақстан Республикасының аумағындағы серверлерде сақталады.",
     "Персональные данные хранятся на серверах, расположенных на территории Республики Казахстан."),
    ("Бейнебақылау жазбалары 30 күн сақталады, содан кейін жойылады.",
     "Записи видеонаблюдения хранятся 30 дней, после чего уничтожаются."),
    ("Ұйым дербес деректерді қорғау үшін шифрлау және қол жеткізуді шектеу құралдарын қолданады.",
     "Организация применяет средства шифрования и ограничения доступа для защиты персональных данных."),
    ("Телефон арқылы сөйлесулердің жазбалары қызмет сапасын бақылау мақсатында 1 жыл сақталады.",
     "Записи телефонных разговоров хранятся 1 год в целях контроля качества обслуживания."),
    ("Пайдаланушы дербес деректерінің жойылуын талап етуге құқылы, бұл заңнамада көзделген жағдайларды қоспағанда.",
     "Пользователь вправе требовать уничтожения своих персональных данных, за исключением случаев, предусмотренных законодательством."),
    ("Ұйым дербес деректердің қауіпсіздігіне қатысты оқиғалар туралы уәкілетті органға 1 жұмыс күні ішінде хабарлайды.",
     "Организация уведомляет уполномоченный орган об инцидентах безопасности персональных данных в течение 1 рабочего дня."),
    ("Маркетингтік хабарламалар тек пайдаланушының жеке келісімі болған жағдайда жіберіледі.",
     "Маркетинговые сообщения направляются только при наличии отдельного согласия пользователя."),
]
THIRD_NAMES = ["ДатаСкор", "КредитЛайн", "СкорингПро", "Финтех Солюшнс", "Коллект Сервис",
               "Облако Данных", "РискМетрикс", "АйДи Чек"]
COUNTRIES = [("Российская Федерация", "Ресей Федерациясы"), ("Республика Беларусь", "Беларусь Республикасы"),
             ("Кыргызская Республика", "Қырғыз Республикасы"),
             ("Китайская Народная Республика", "Қытай Халық Республикасы"),
             ("Объединённые Арабские Эмираты", "Біріккен Араб Әмірліктері")]
WORDING = {
    "ru": [("в соответствии с", "согласно"), ("согласно", "в соответствии с"), ("имеет право", "вправе"),
           ("вправе", "имеет право"), ("настоящей Политики", "данной Политики"),
           ("настоящей Политикой", "данной Политикой"), ("необходимо", "требуется"),
           ("в целях", "с целью"), ("осуществляет", "производит"), ("а также", "равно как и"),
           ("в случае", "в случаях"), ("обязан", "должен")],
    "kk": [("сондай-ақ", "сонымен қатар"), ("сонымен қатар", "сондай-ақ"), ("осы Саясат", "бұл Саясат"),
           ("құқылы", "құқығы бар"), ("қажетті", "керекті"), ("жүзеге асырады", "іске асырады"),
           ("жүзеге асырылады", "іске асырылады"), ("сәйкес", "сай"), ("мақсатында", "мақсатымен"),
           ("бойынша", "жөнінде"), ("міндетті", "міндетті түрде тиіс")],
}
RIGHTS = {
    "ru": [("withdraw_consent", r"отозвать согласие|отзыв\w* согласи"),
           ("delete", r"прав\w* на удаление|требовать\s+(?:\w+\s+){0,3}(?:удален|уничтожен)\w*|удалит\w* ваши"),
           ("access", r"получ\w+ информаци\w+|ознаком\w+|доступ\w*"),
           ("change", r"изменени\w+ и дополнени\w+|исправ\w+|уточн\w+")],
    "kk": [("withdraw_consent", r"келісім\w*\s+(?:\S+\s+)?кері|кері\s+(?:қайтар|шақыр|ал)\w*"),
           ("delete", r"жою құқ\w*|жоюды талап\w*|жойылуын талап\w*"),
           ("access", r"ақпарат\w*\s+ал\w+|таныс\w+|қол жеткіз\w*"),
           ("change", r"өзгерт\w+ және толықтыр\w+|түзет\w+")],
}
NUM_UNITS = {
    "ru": r"рабочих\s+дн(?:ей|я)|рабочий\s+день|календарных\s+дн(?:ей|я)|лет|года?|дн(?:ей|я)|день|месяц(?:ев|а)?",
    "kk": r"жұмыс\s+күн\w*|күнтізбелік\s+күн\w*|жыл\w*|күн\w*|ай(?:ға|дан||ы)\b",
}
NUM_RE = {l: re.compile(r"(?<![\d.,/№-])(\d{1,3})(\s*\([^)]{1,25}\))?(\s+)(%s)" % u) for l, u in NUM_UNITS.items()}
RU_WORDS = {1: "один", 2: "два", 3: "три", 7: "семь", 10: "десять", 15: "пятнадцать", 45: "сорок пять",
            60: "шестьдесят", 90: "девяносто", 3650: ""}
KK_WORDS = {1: "бір", 2: "екі", 3: "үш", 7: "жеті", 10: "он", 15: "он бес", 45: "қырық бес", 60: "алпыс",
            90: "тоқсан"}
RU_FORMS = [("рабоч", ("рабочий день", "рабочих дня", "рабочих дней")),
            ("календар", ("календарный день", "календарных дня", "календарных дней")),
            ("л", ("год", "года", "лет")), ("г", ("год", "года", "лет")),
            ("д", ("день", "дня", "дней")), ("м", ("месяц", "месяца", "месяцев"))]


def ru_form(n, unit, genitive=False):
    for prefix, forms in RU_FORMS:
        if unit.startswith(prefix):
            if genitive:  # "до 5 лет", "в течение 1 года"
                one = {"год": "года", "день": "дня", "месяц": "месяца", "рабочий день": "рабочего дня",
                       "календарный день": "календарного дня"}[forms[0]]
                return one if n % 10 == 1 and n % 100 != 11 else forms[2]
            if n % 10 == 1 and n % 100 != 11:
                return forms[0]
            if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
                return forms[1]
            return forms[2]
    return unit


LAW_RU = re.compile(r"«О персональных данных и их защите»|\"О персональных данных и их защите\"")
LAW_KK = re.compile(r"«Дербес деректер және оларды қорғау туралы»|\"Дербес деректер және оларды қорғау туралы\"")


def law_change(t, lang):
    rx = LAW_RU if lang == "ru" else LAW_KK
    m = rx.search(t)
    if not m:
        return None
    lo, hi = max(0, m.start() - 160), min(len(t), m.end() + 160)
    win = t[lo:hi]
    if lang == "ru":
        win = rx.sub("«О персональных данных»", win, count=1)
        win = re.sub(r"Закон(а|ом|е)? Республики Казахстан",
                     lambda mm: {"": "Федеральный закон", "а": "Федерального закона", "ом": "Федеральным законом",
                                 "е": "Федеральном законе"}[mm.group(1) or ""], win, count=1)
        win = re.sub(r"№\s*\d+-V\s+от\s+\d+\s+мая\s+2013\s+года", "от 27.07.2006 № 152-ФЗ", win, count=1)
        win = re.sub(r"Республики Казахстан", "Российской Федерации", win, count=1)
        detail = "Закон РК «О персональных данных и их защите» -> Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»"
    else:
        win = rx.sub("«Дербес деректер туралы»", win, count=1)
        win = re.sub(r"Қазақстан Республикасының", "Ресей Федерациясының", win, count=1)
        win = re.sub(r"Қазақстан Республикасы\b", "Ресей Федерациясы", win, count=1)
        win = re.sub(r"2013\s+жылғы\s+21\s+мамырдағы", "2006 жылғы 27 шілдедегі", win, count=1)
        win = re.sub(r"(№|No)\s*\d+-V", "№ 152-ФЗ", win, count=1)
        win = re.sub(r"\bЗаң(ы|ының|ына)\b", lambda mm: "Федералдық заң" + mm.group(1), win, count=1)
        detail = "ҚР «Дербес деректер және оларды қорғау туралы» Заңы -> Ресей Федерациясының 2006 жылғы 27 шілдедегі № 152-ФЗ «Дербес деректер туралы» Федералдық заңы"
    return t[:lo] + win + t[hi:], detail


def core_bounds(t, numpos_rel):
    """The clause's text proper: after the number, before trailing whitespace
    and closing tags."""
    end = len(t)
    while True:
        s = t[:end].rstrip()
        m = re.search(r"(</p>|</ul>|</li>|</ol>|\*\*)$", s)
        if m:
            end = m.start()
            continue
        end = len(s)
        break
    return numpos_rel, end


def seg_bounds(t, pos, lo):
    """A sentence or list item around pos (not before lo)."""
    while lo < len(t) and t[lo] in " \u00a0\t\n":
        lo += 1  # keep the space after the clause number
    left = lo
    bullet = None
    for m in re.finditer(r"•", t[lo:pos]):
        bullet = lo + m.start()
    if bullet is not None and not re.search(r"[.;]\s*$", t[bullet:pos].rstrip()[:-1] or "x") \
            and "\n\n" not in t[bullet:pos].replace(" ", "")[:0]:
        # a bullet item runs to the next bullet (its sub-items included)
        m = re.search(r"•|</ul>|</p>|</li>", t[pos:])
        right = pos + m.start() if m else len(t)
        return bullet, right
    for m in re.finditer(r"•\s*|\n\s*-\s+|;\s+|[.!?]\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"])|<li>|:\s+|<p>|\n\s*\d+\)\s*|\n\s*\([a-zа-я]\)\s*", t[lo:pos]):
        left = lo + m.end()
    m = re.search(r";|[.!?](?=\s|<|$)|•|</li>|</p>|\n\s*-\s|\n\s*\d+\)", t[pos:])
    if not m:
        return None
    right = pos + m.start()
    if t[right] in ";.!?":
        right += 1
        while right < len(t) and t[right] in " \u00a0":
            right += 1
    return left, right


# ------------------------------------------------------------ documents
def numkey(n):
    return tuple(int(x) for x in n.split("."))


class Builder:
    """One generated document from a Source: pieces renamed, deviations applied."""

    def __init__(self, src, new, rng):
        self.src = src
        self.new = new
        self.rng = rng
        self.ren = Renamer(src.ident, new)
        self.texts = [self.ren(p[0]) for p in src.pieces]
        self.after = {}  # piece index -> list of inserted text
        self.used = set()
        self.gold = []

    def text(self):
        out = []
        for i, t in enumerate(self.texts):
            out.append(t)
        return "".join(out)

    def clause_text(self, lang, num):
        i = self.src.piece_of.get((lang, num))
        return None if i is None else (i, self.texts[i])


def pick_added_text(rng, lang_set, donors, src):
    """(texts by lang, detail): a clause from another source or the bank."""
    cands = [d for d in donors if d.name != src.name]
    if cands and rng.random() < 0.6:
        for _ in range(20):
            d = rng.choice(cands)
            common = None
            if len(lang_set) == 2:
                nums = set(c.num for c in d.eligible["kk"]) & set(c.num for c in d.eligible["ru"])
                if not nums:
                    continue
                num = rng.choice(sorted(nums, key=numkey))
            else:
                el = d.eligible[lang_set[0]]
                if not el:
                    continue
                num = rng.choice(el).num
            out = {}
            ok = True
            for lang in lang_set:
                c = [c for c in d.eligible[lang] if c.num == num][0]
                body = clean_clause(d.text[c.numpos:c.end], c.num)
                if not (40 <= len(body) <= 450) or URL_RE.search(body) or EMAIL_RE.search(body) or \
                        (d.ident["brands"] and brand_regex(d.ident["brands"]).search(body)):
                    ok = False
                    break
                out[lang] = body
            if ok:
                return out, "from %s %s" % (d.name, num)
    i = rng.randrange(len(BANK))
    return {l: BANK[i][0 if l == "kk" else 1] for l in lang_set}, "written (bank %d)" % i


def clean_clause(t, num):
    t = TAG_RE.sub(" ", t).replace("**", "")
    t = re.sub(r"^\s*" + re.escape(num) + r"[.)]?", "", t.strip())
    return re.sub(r"\s+", " ", t).strip()


def make_document(src, new, rng, ndev, donors, third_rng_name=None):
    b = Builder(src, new, rng)
    kinds_done = 0
    attempts = 0
    while kinds_done < ndev and attempts < 60:
        attempts += 1
        r = rng.random()
        kind = "removed" if r < 0.25 else "added" if r < 0.45 else "changed"
        if kind == "removed":
            ok = plant_removed(b)
        elif kind == "added":
            ok = plant_added(b, donors)
        else:
            ok = plant_changed(b)
        kinds_done += 1 if ok else 0
    # assemble
    out = []
    for i, t in enumerate(b.texts):
        out.append(t)
        for ins in b.after.get(i, []):
            out.append(ins)
    return "".join(out), b.gold


def both_or_one(b, num_ok):
    """Choose the languages to apply a deviation to for a clause number."""
    langs = [l for l in b.src.langs if num_ok(l)]
    if not langs:
        return []
    if len(langs) == 2 and b.rng.random() < 0.6:
        return langs
    return [b.rng.choice(langs)]


def eligible_nums(b, lang):
    return [c.num for c in b.src.eligible[lang] if (lang, c.num) not in b.used]


def plant_removed(b):
    nums = sorted(set(n for l in b.src.langs for n in eligible_nums(b, l)), key=numkey)
    if not nums:
        return False
    num = b.rng.choice(nums)
    langs = both_or_one(b, lambda l: num in eligible_nums(b, l))
    for l in langs:
        i = b.src.piece_of[(l, num)]
        b.texts[i] = ""
        b.used.add((l, num))
        b.gold.append({"lang": l, "kind": "removed", "clause": num})
    return bool(langs)


def plant_added(b, donors):
    src = b.src
    # last eligible clause of each section, per language
    def last_of(lang):
        out = {}
        for c in src.clauses:
            if c.lang == lang and c.unique and "." in c.num:
                sec = c.num.rsplit(".", 1)[0]
                if sec not in out or numkey(c.num) > numkey(out[sec].num):
                    out[sec] = c
        return {sec: c for sec, c in out.items()
                if c in src.eligible[lang] and (lang, c.num) not in b.used
                and (lang, "%s.%d" % (sec, int(c.num.rsplit(".", 1)[1]) + 1)) not in src.piece_of}
    lasts = {l: last_of(l) for l in src.langs}
    secs = sorted(set(s for l in lasts for s in lasts[l]), key=numkey)
    if not secs:
        return False
    sec = b.rng.choice(secs)
    langs = both_or_one(b, lambda l: sec in lasts[l] and lasts[l][sec].num == max(
        (lasts[x][sec].num for x in src.langs if sec in lasts[x]), key=numkey))
    if not langs:
        return False
    last = lasts[langs[0]][sec]
    newnum = "%s.%d" % (sec, int(last.num.rsplit(".", 1)[1]) + 1)
    texts, detail = pick_added_text(b.rng, langs, donors, src)
    c0 = lasts[langs[0]][sec]
    if c0.cell and "<p>" not in src.text[c0.start:c0.end]:
        # a plain table row per clause: add a new row after the row of the last clause
        u = src.units[c0.unit]
        line_end = src.text.find("\n", u[0])
        line_end = len(src.text) if line_end < 0 else line_end
        line_start = src.text.rfind("\n", 0, u[0]) + 1
        row = [x for x in src.units if line_start <= x[0] <= line_end and x[2] == "cell"]
        cells = []
        for x in row:
            cells.append("%s. %s" % (newnum, texts[x[3]]) if x[3] in langs else "")
        # the piece that ends the row gets the new row after it
        end_piece = None
        pos = 0
        for pi, p in enumerate(src.pieces):
            if pos < line_end <= pos + len(p[0]):
                end_piece = pi
                off = line_end - pos
                break
            pos += len(p[0])
        if end_piece is None or len(set(x[3] for x in row)) != len(row) or not all(
                x[3] in langs or x[3] in ("kk", "ru") for x in row):
            return False
        # insert after the row's end: within the piece, at offset off
        cur = src.pieces[end_piece][0]
        curr = b.texts[end_piece]
        if curr != b.ren(cur):
            return False
        head, tail = b.ren(cur[:off]), b.ren(cur[off:])
        b.texts[end_piece] = head + "\n" + "\t".join(cells) + tail
        ec = src.pieces[end_piece][1]
        if ec is not None:
            b.used.add((ec.lang, ec.num))  # its text now holds the new row: never remove it
        for l in langs:
            b.used.add((l, lasts[l][sec].num))
            b.used.add((l, newnum))
            b.gold.append({"lang": l, "kind": "added", "clause": newnum, "detail": detail})
        return True
    for l in langs:
        c = lasts[l][sec]
        i = src.piece_of[(l, c.num)]
        body = texts[l]
        cur = b.texts[i]
        if c.cell:
            ins = " <p>%s. %s</p>" % (newnum, body) if "<p>" in cur else " %s. %s" % (newnum, body)
            b.texts[i] = cur + ins
        else:
            core = cur.rstrip()
            tail = cur[len(core):]
            # blank line between clauses as in the source; a form feed or
            # trailing spaces stay after the new clause
            sep = "\n\n" if re.search(r"\n[ \t\u00a0]*\n", tail) or "\n" not in tail else "\n"
            first = src.text[c.start:c.numpos]
            indent = first if first.strip() == "" else ("**" if first.strip() == "**" else "")
            line = "%s. %s" % (newnum, body)
            if src.wrap:
                line = "\n".join(textwrap.wrap(line, src.wrap))
            if "\n" in tail:  # trailing spaces of the last line stay where they were
                k = tail.index("\n")
                core, tail = core + tail[:k], tail[k:]
                tail = tail[1:] if sep == "\n" or not re.match(r"\n[ \t\u00a0]*\n", tail) else tail
                b.texts[i] = core + sep + indent + line + "\n" + tail if sep == "\n" else core + sep + indent + line + tail
            else:
                b.texts[i] = core + tail + sep + indent + line + "\n"
        b.used.add((l, c.num))
        b.used.add((l, newnum))
        b.gold.append({"lang": l, "kind": "added", "clause": newnum, "detail": detail})
    return True


def change_number(t, lang, rng, newval=None):
    m = NUM_RE[lang].search(t)
    if not m:
        return None
    old = int(m.group(1))
    if newval is None:
        newval = rng.choice([v for v in (1, 2, 3, 7, 10, 15, 45, 60, 90) if v != old])
    if newval == old:
        return None
    paren = m.group(2) or ""
    if paren:
        w = (RU_WORDS if lang == "ru" else KK_WORDS).get(newval, "")
        paren = re.sub(r"\([^)]*\)", "(%s)" % w, paren) if w else ""
    unit = m.group(4)
    if lang == "ru":
        gen = re.search(r"(?:\bдо|течение|более|менее|свыше|истечении|истечения|позднее|сроком)\s*$", t[max(0, m.start() - 30):m.start()])
        unit = ru_form(newval, re.sub(r"\s+", " ", unit), gen)
    rep = "%d%s%s%s" % (newval, paren, m.group(3), unit)
    return t[:m.start()] + rep + t[m.end():], "%s -> %s" % (re.sub(r"\s+", " ", m.group(0)), re.sub(r"\s+", " ", rep)), newval


def change_right(t, lang, lo):
    # only in a clause that grants rights (право / вправе / құқ-)
    if not re.search(r"прав[оае]|вправе|праве" if lang == "ru" else r"құқ", t[lo:], re.I):
        return None
    for right, pat in RIGHTS[lang]:
        for m in re.finditer(pat, t[lo:], re.IGNORECASE):
            pos = lo + m.start()
            sb = seg_bounds(t, pos, lo)
            if not sb:
                continue
            a, z = sb
            seg = t[a:z]
            rest = TAG_RE.sub("", t[lo:a] + t[z:]).strip()
            grant = r"прав[оа]\w*|вправе|праве" if lang == "ru" else r"құқ\w*"
            intro = TAG_RE.sub(" ", t[max(lo, a - 400):a])
            if not (re.search(grant, seg, re.I) or
                    re.search("(?:%s)[^.;]{0,200}:[^.]*$" % grant, intro, re.I)):
                continue  # the sentence must grant a right, not mention the word
            if 15 <= len(seg.strip()) <= 700 and len(rest) >= 30 and "\t" not in seg and "<" not in seg \
                    and not CLAUSE_RE.search(seg[1:]):
                return t[:a] + t[z:], "%s: deleted «%s»" % (right, re.sub(r"\s+", " ", seg.strip())), right
    return None


def change_contact(t, b):
    rng = b.rng
    for rx, kind in ((EMAIL_RE, "email"), (PHONE_RE, "phone"), (URL_RE, "url")):
        ms = [m for m in rx.finditer(t) if not (kind == "url" and "@" in t[max(0, m.start() - 1):m.start()])]
        if kind == "url":
            ms = [m for m in ms if not any(x in m.group(0) for x in EXTERNAL)]
        if not ms:
            continue
        m = ms[0]
        other = b.new["domains"][2]
        if kind == "email":
            rep = rng.choice(["privacy", "dpo", "support", "zhalob"]) + "@" + other
        elif kind == "phone":
            rep = "+7 7%02d %03d %02d %02d" % (rng.randint(0, 99), rng.randint(0, 999), rng.randint(0, 99), rng.randint(0, 99))
        else:
            rep = ("https://" if m.group(0).startswith("http") else "") + other
        return t[:m.start()] + rep + t[m.end():], "%s -> %s" % (m.group(0), rep)
    return None


def change_third(t, lang, lo, name, country):
    if lang == "ru":
        if not re.search(r"треть\w+ лиц\w*|передав\w*|передач\w*|передан\w*", t[lo:], re.I):
            return None
        sent = "МФО также вправе передавать персональные данные в ООО «%s» (%s)." % (name, country[0])
    else:
        if not re.search(r"үшінші тұлға\w*|беру\w*|берілу\w*|табыста\w*", t[lo:], re.I):
            return None
        sent = "МҚҰ сондай-ақ дербес деректерді «%s» ЖШҚ-ға (%s) беруге құқылы." % (name, country[1])
    _, end = core_bounds(t, lo)
    return t[:end] + " " + sent + t[end:], "+ «%s» (%s)" % (name, country[0] if lang == "ru" else country[1])


def change_wording(t, lang, lo, rng):
    opts = []
    for a, z in WORDING[lang]:
        m = re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(a), t[lo:])
        if m:
            opts.append((lo + m.start(), lo + m.end(), a, z))
    if not opts:
        return None
    opts.sort()
    chosen = []
    for o in rng.sample(opts, min(len(opts), rng.choice([1, 2]))):
        if all(o[1] <= c[0] or o[0] >= c[1] for c in chosen):
            chosen.append(o)
    chosen.sort(reverse=True)
    for a0, a1, a, z in chosen:
        t = t[:a0] + z + t[a1:]
    return t, "; ".join("«%s» -> «%s»" % (a, z) for _, _, a, z in sorted(chosen))


CHANGE_TYPES = ["number", "right", "law", "contact", "third_party", "wording"]


def plant_changed(b):
    rng = b.rng
    src = b.src
    ctype = rng.choice(CHANGE_TYPES)
    third = (rng.choice(THIRD_NAMES), rng.choice(COUNTRIES))
    cands = {}
    for l in src.langs:
        for num in eligible_nums(b, l):
            cands.setdefault(num, []).append(l)
    nums = sorted(cands, key=numkey)
    rng.shuffle(nums)

    def attempt(l, num, newval=None):
        i = src.piece_of[(l, num)]
        t = b.texts[i]
        c = src.pieces[i][1]
        lo = c.numpos - c.start + len(num) + 1
        if ctype == "number":
            return change_number(t, l, rng, newval)
        if ctype == "right":
            return change_right(t, l, lo)
        if ctype == "law":
            return law_change(t, l)
        if ctype == "contact":
            return change_contact(t, b)
        if ctype == "third_party":
            return change_third(t, l, lo, *third)
        return change_wording(t, l, lo, rng)
    for num in nums:
        langs = cands[num]
        if len(langs) == 2 and rng.random() < 0.6:
            order = langs
        else:
            order = [rng.choice(langs)]
        results = []
        newval = None
        for l in order:
            r = attempt(l, num, newval)
            if r is None:
                break
            if ctype == "number":
                newval = r[2]
            results.append((l, r))
        if len(results) != len(order):
            if len(results) == 1:
                order = order[:1]
            else:
                continue
        for l, r in results:
            i = src.piece_of[(l, num)]
            b.texts[i] = r[0]
            b.used.add((l, num))
            b.gold.append({"lang": l, "kind": "changed", "clause": num, "change": ctype, "detail": r[1]})
        return True
    return False


# ------------------------------------------------------- synthetic templates
def build_pool(sources):
    """Translation pairs (kk, ru) and single-language clauses for synthetic
    templates, split into sentences where both sides split alike."""
    pairs, mono = [], {"kk": [], "ru": []}
    seen = set()

    def sentences(s):
        return [x for x in re.split(r"(?<=[.;])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«])", s) if len(x) > 25]

    def bad(s):
        return URL_RE.search(s) or EMAIL_RE.search(s) or len(s) < 30 or "\t" in s

    for src in sources:
        brx = brand_regex(src.ident["brands"])
        by = {l: {c.num: clean_clause(src.text[c.numpos:c.end], c.num) for c in src.clauses
                  if c.lang == l and c.unique and c.clean} for l in ("kk", "ru")}
        for num in by["kk"]:
            if num in by["ru"]:
                k, r = by["kk"][num], by["ru"][num]
                if brx:
                    k, r = brx.sub("{BRAND}", k), brx.sub("{BRAND}", r)
                ks, rs = sentences(k), sentences(r)
                if len(ks) == len(rs) and len(ks) > 1:
                    items = list(zip(ks, rs))
                else:
                    items = [(k, r)]
                for k1, r1 in items:
                    key = re.sub(r"\W+", "", r1.lower())[:80]
                    if bad(k1) or bad(r1) or key in seen or len(r1) > 700:
                        continue
                    seen.add(key)
                    pairs.append((k1, r1))
        for l in ("kk", "ru"):
            for num, s in by[l].items():
                if brx:
                    s = brx.sub("{BRAND}", s)
                for s1 in sentences(s) or [s]:
                    key = re.sub(r"\W+", "", s1.lower())[:80]
                    if bad(s1) or key in seen or len(s1) > 700:
                        continue
                    seen.add(key)
                    mono[l].append(s1)
    pairs += BANK
    return pairs, mono


SECTION_TITLES = [("Жалпы ережелер", "Общие положения"), ("Дербес деректерді жинау", "Сбор персональных данных"),
                  ("Өңдеу мақсаттары", "Цели обработки"), ("Дербес деректерді сақтау", "Хранение персональных данных"),
                  ("Үшінші тұлғаларға беру", "Передача третьим лицам"), ("Субъектінің құқықтары", "Права субъекта"),
                  ("Дербес деректерді қорғау", "Защита персональных данных"), ("Жауапкершілік", "Ответственность"),
                  ("Қорытынды ережелер", "Заключительные положения"), ("Cookie файлдары", "Файлы cookie")]


DIALECT_KK = {"Пайдаланушы", "пайдаланушы", "дербес дерек", "Дербес дерек", "МҚҰ"}
DIALECT = [  # stems swapped per synthetic template; endings stay grammatical
    ("персональн", ["персональн", "личн"]),
    ("Персональн", ["Персональн", "Личн"]),
    ("Пользовател", ["Пользовател", "Потребител", "Заявител"]),
    ("пользовател", ["пользовател", "потребител", "заявител"]),
    ("Сайт", ["Сайт", "Портал", "Ресурс"]),
    ("МФО", ["МФО", "МКО"]),
    ("Пайдаланушы", ["Пайдаланушы", "Тұтынушы"]),
    ("пайдаланушы", ["пайдаланушы", "тұтынушы"]),
    ("дербес дерек", ["дербес дерек", "жеке дерек"]),
    ("Дербес дерек", ["Дербес дерек", "Жеке дерек"]),
    ("МҚҰ", ["МҚҰ", "МКҰ"]),
]


def dialect(choice, text, lang):
    for stem, alt in choice.items():
        if alt != stem and (stem in DIALECT_KK) == (lang == "kk"):
            text = re.sub(r"(?<![\w-])" + re.escape(stem), alt, text)
    return text


def synth_template(rng, pool, brand):
    pairs, mono = pool
    layout = rng.choice(["kk_ru_blocks", "ru_kk_blocks", "table_kk_ru", "table_ru_kk", "kk", "ru", "kk_ru_blocks"])
    nsec = rng.randint(3, 6)
    titles = rng.sample(SECTION_TITLES, nsec)
    secs = []
    for s in range(nsec):
        n = rng.randint(2, 5)
        items = []
        for j in range(n):
            if layout in ("kk", "ru"):
                k = rng.randint(1, 2)
                side = mono[layout] + [p[layout == "ru"] for p in pairs]
                txt = " ".join(rng.choice(side) for _ in range(k))
                items.append((txt, txt))
            else:
                k = rng.choice([1, 1, 2])
                ps = [rng.choice(pairs) for _ in range(k)]
                items.append((" ".join(p[0] for p in ps), " ".join(p[1] for p in ps)))
        secs.append((titles[s], items))
    site = translit(brand) + ".kz"
    choice = {stem: rng.choice(alts) for stem, alts in DIALECT}

    def block(lang):
        return [dialect(choice, x, lang) for x in block0(lang)]

    def block0(lang):
        li = 0 if lang == "kk" else 1
        head = ("«%s» МҚҰ» ЖШС ДЕРБЕС ДЕРЕКТЕРДІ ӨҢДЕУ САЯСАТЫ" if lang == "kk"
                else "ПОЛИТИКА ОБРАБОТКИ ПЕРСОНАЛЬНЫХ ДАННЫХ ТОО «МФО «%s»") % brand
        out = [head, ""]
        for si, (title, items) in enumerate(secs, 1):
            out.append("%d. %s" % (si, title[li]))
            out.append("")
            for ii, it in enumerate(items, 1):
                out.append("%d.%d. %s" % (si, ii, it[li].replace("{BRAND}", brand)))
                out.append("")
        contact = ("Сұрақтар бойынша info@%s мекенжайына жазуға немесе https://%s сайтына жүгінуге болады."
                   if lang == "kk" else
                   "По вопросам можно написать на адрес info@%s или обратиться через сайт https://%s.") % (site, site)
        out.append("%d.%d. %s" % (len(secs), len(secs[-1][1]) + 1, contact))
        return out

    if layout in ("kk", "ru"):
        lines = block(layout)
        suffix = "_" + layout
    elif layout in ("kk_ru_blocks", "ru_kk_blocks"):
        a, z = ("kk", "ru") if layout.startswith("kk") else ("ru", "kk")
        lines = block(a) + ["", "\f"] + block(z)
        suffix = "_%s_%s" % (a, z)
    else:
        a, z = ("kk", "ru") if layout == "table_kk_ru" else ("ru", "kk")
        A, Z = [l for l in block(a) if l], [l for l in block(z) if l]
        lines = ["%s\t%s" % (x, y) for x, y in zip(A, Z)]
        suffix = "_%s_%s" % (a, z)
    return "\n".join(lines) + "\n", suffix


# ------------------------------------------------------------------- main
def letters(i, width):
    s = ""
    i0 = i
    for _ in range(width):
        s = chr(ord("a") + i0 % 26) + s
        i0 //= 26
    return s


def load_sources(paths, brand_hints):
    srcs = []
    manifest = {}
    for p in paths:
        mp = os.path.join(os.path.dirname(p), "manifest.json")
        if os.path.exists(mp) and mp not in manifest:
            try:
                for d in json.load(open(mp, encoding="utf-8")).get("documents", []):
                    manifest[d["file"]] = d.get("company", "")
            except (ValueError, KeyError):
                pass
    for p in sorted(set(paths)):
        raw = open(p, "rb").read()
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
        base = os.path.basename(p)
        hints = [h for h in brand_hints.get(base, [])]
        if manifest.get(base):
            hints.append(manifest[base])
        srcs.append(Source(base, text, hints))
    return srcs


def parse_range(s):
    if "-" in s:
        a, b = s.split("-")
        return int(a), int(b)
    return int(s), int(s)


def ndev_choice(rng, lo=0, hi=4):
    return rng.choice([0, 0, 1, 1, 2, 2, 3, 4])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", nargs="+", required=True, help="source policy .txt files")
    ap.add_argument("--families", type=int, default=3, help="number of families (default 3)")
    ap.add_argument("--copies", default="2-6", help="members per family, N or MIN-MAX (default 2-6)")
    ap.add_argument("--singletons", type=int, default=2)
    ap.add_argument("--max-deviations", type=int, default=4, help="0..N planted deviations per member")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--opaque-names", action="store_true",
                    help="name files doc_NNNNN.txt in shuffled order so names do not reveal families")
    ap.add_argument("--brand", action="append", default=[], metavar="FILE=NAME[|NAME]",
                    help="company name(s) in a source that the detector misses")
    ap.add_argument("--scale", type=int, default=0, metavar="N",
                    help="write N documents: families of 2-50 over synthetic templates, ~5%% singletons")
    ap.add_argument("--singleton-share", type=float, default=0.05)
    ap.add_argument("--family-size", default="2-50", help="members per family in --scale mode")
    ap.add_argument("--templates-out", metavar="DIR",
                    help="in --scale mode, also write the synthetic templates there (for verify.py)")
    args = ap.parse_args(argv)

    t0 = time.time()
    hints = {}
    for h in args.brand:
        f, _, names = h.partition("=")
        hints.setdefault(os.path.basename(f), []).extend(n for n in names.split("|") if n)
    rng = random.Random(args.seed)
    sources = load_sources(args.sources, hints)
    namer = Namer(random.Random(args.seed * 7919 + 1))
    os.makedirs(args.out, exist_ok=True)
    gold = {"version": 1, "seed": args.seed, "families": [], "singletons": [], "deviations": []}
    docs = []  # (tentative name, text)
    clusters = cluster_sources(sources)
    gold["source_clusters"] = [[s.name for s in g] for g in clusters if len(g) > 1]

    if args.scale:
        pool = build_pool(sources)
        nsing = int(round(args.scale * args.singleton_share))
        remaining = args.scale - nsing
        fmin, fmax = parse_range(args.family_size)
        sizes = []
        while remaining > 0:
            s = rng.randint(fmin, fmax)
            if remaining - s < fmin and remaining - s != 0:
                s = remaining if remaining <= fmax else remaining - fmin
            sizes.append(s)
            remaining -= s
        templates = []
        for fi in range(len(sizes) + nsing):
            brand = namer.new()["brand"]
            text, suffix = synth_template(rng, pool, brand)
            templates.append(Source("synthetic_%05d%s.txt" % (fi + 1, suffix), text, [brand]))
            if args.templates_out:
                os.makedirs(args.templates_out, exist_ok=True)
                with open(os.path.join(args.templates_out, templates[-1].name), "w", encoding="utf-8") as fh:
                    fh.write(text)
        donors = sources
        fam_specs = [(templates[i], sizes[i]) for i in range(len(sizes))]
        sing_specs = templates[len(sizes):]
    else:
        lo, hi = parse_range(args.copies)
        reps = [rng.choice(g) for g in clusters]  # one source per near-duplicate cluster
        rng.shuffle(reps)
        nf = min(args.families, len(reps))
        ns = min(args.singletons, len(reps) - nf)
        if nf < args.families or ns < args.singletons:
            print("gencorpus: only %d independent sources (clusters: %s); making %d families and %d singletons"
                  % (len(reps), gold["source_clusters"], nf, ns), file=sys.stderr)
        fam_specs = [(reps[i], rng.randint(lo, hi)) for i in range(nf)]
        sing_specs = reps[nf:nf + ns]
        donors = sources
    # donors for "added": never from the family's own near-duplicate cluster
    cluster_of = {}
    for g in clusters:
        for s in g:
            cluster_of[s.name] = set(x.name for x in g)

    fam_width = len(str(len(fam_specs)))
    for fi, (src, m) in enumerate(fam_specs, 1):
        lw = 1 if m <= 26 else 2
        members = []
        okdonors = [d for d in donors if d.name not in cluster_of.get(src.name, {src.name})]
        for j in range(m):
            name = "f%0*d_%s.txt" % (max(2, fam_width), fi, letters(j, lw))
            nd = min(ndev_choice(rng), args.max_deviations)
            ident = namer.new()
            text, devs = make_document(src, ident, rng, nd, okdonors)
            gold.setdefault("identities", {})[name] = ident
            docs.append([name, text])
            for d in devs:
                d2 = {"document": name}
                d2.update(d)
                gold["deviations"].append(d2)
            members.append(name)
        gold["families"].append({"template_source": src.name, "documents": members,
                                 "template_identity": src.ident})
    for si, src in enumerate(sing_specs, 1):
        name = "s%0*d.txt" % (max(2, len(str(len(sing_specs)))), si)
        ident = namer.new()
        text, _ = make_document(src, ident, rng, 0, [])
        gold.setdefault("identities", {})[name] = ident
        docs.append([name, text])
        gold["singletons"].append(name)
        gold.setdefault("singleton_sources", {})[name] = src.name

    if args.opaque_names:
        order = list(range(len(docs)))
        rng.shuffle(order)
        width = max(4, len(str(len(docs))))
        rename = {}
        for k, i in enumerate(order, 1):
            rename[docs[i][0]] = "doc_%0*d.txt" % (width, k)
        for d in docs:
            d[0] = rename[d[0]]
        for f in gold["families"]:
            f["documents"] = [rename[x] for x in f["documents"]]
        gold["singletons"] = [rename[x] for x in gold["singletons"]]
        gold["singleton_sources"] = {rename[k]: v for k, v in gold.get("singleton_sources", {}).items()}
        gold["identities"] = {rename[k]: v for k, v in gold.get("identities", {}).items()}
        for d in gold["deviations"]:
            d["document"] = rename[d["document"]]
        gold["deviations"].sort(key=lambda d: d["document"])
    for name, text in docs:
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    gold["counts"] = {"documents": len(docs), "families": len(gold["families"]),
                      "singletons": len(gold["singletons"]), "deviations": len(gold["deviations"])}
    with open(os.path.join(args.out, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print("gencorpus: %d documents (%d families, %d singletons, %d deviation rows) -> %s in %.1fs"
          % (len(docs), len(gold["families"]), len(gold["singletons"]), len(gold["deviations"]),
             args.out, time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
