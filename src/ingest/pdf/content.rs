//! The content-stream interpreter: runs a page's operators (and those of the
//! Form XObjects it draws) and returns every visible glyph with its position
//! on the page as a reader sees it.
//!
//! Supported: `q`/`Q`, `cm`, `BT`/`ET`, `Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`,
//! `Tr`, `Td`, `TD`, `Tm`, `T*`, `Tj`, `TJ`, `'`, `"` and `Do` of Form
//! XObjects (with their `/Matrix` and `/Resources`). Of the graphics
//! operators, only thin filled rectangles and straight stroked segments are
//! kept, as the ruled lines of tables ([`PageGlyphs::rules`], `re`, `m`,
//! `l`, `h` then a painting operator); other paths and images are ignored.
//!
//! Coordinates: points, in the page as displayed: `/Rotate` applied, origin
//! at the top-left corner of the CropBox, y growing downwards.
//!
//! Invariants: never panics on any stream; the work per page is bounded (by
//! operator and glyph counts, the decoded size of each stream, a Form
//! nesting depth and the document's time budget, with a guard against a
//! Form drawing itself): a page past a bound stops there and names the
//! bound in [`PageGlyphs::limit`], which the reader turns into an error
//! for the page; invisible text (render modes 3 and 7) and glyphs
//! outside the CropBox produce no glyph — except on a page whose only text
//! is invisible: that is the OCR layer of a scan, and it is the page's text.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use crate::budget::Budget;
use crate::error::Limit;

/// Bound on the operators run for one page, Forms included.
pub const MAX_OPS: usize = 1_000_000;
/// Bound on the glyphs of one page.
pub const MAX_GLYPHS: usize = 1_000_000;
/// Bound on Form XObject nesting.
pub const MAX_FORM_DEPTH: usize = 12;
/// Bound on the fonts read in one document.
pub const MAX_FONTS: usize = 10_000;
/// Operators run between two looks at the clock.
const CLOCK_EVERY: usize = 4096;
/// Bound on the decoded size of one content stream.
pub const MAX_STREAM_BYTES: usize = 64 << 20;

/// An affine matrix `[a b c d e f]`, applied to row vectors as PDF does.
pub type Matrix = [f32; 6];

pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m × n`: first `m`, then `n`.
pub fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

/// One visible glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left and right edge of the glyph's advance (without char/word spacing).
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size on the page (text space scaled by every matrix).
    pub size: f32,
    /// Its Unicode text; U+FFFD when no mapping knew the code.
    pub text: String,
}

impl Glyph {
    /// The glyph is a space (or other whitespace) character.
    pub fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// The glyphs of one page and its displayed size.
#[derive(Debug, Clone, Default)]
pub struct PageGlyphs {
    pub glyphs: Vec<Glyph>,
    /// Invisible glyphs (render mode 3 or 7), used only when the page has
    /// no visible text (an OCR layer over a scanned image).
    pub hidden: Vec<Glyph>,
    pub width: f32,
    pub height: f32,
    /// Codes no ToUnicode/encoding mapped (shown as U+FFFD).
    pub unmapped: usize,
    /// A content stream that could not be fully parsed (what was read is kept).
    pub broken_stream: bool,
    /// Images drawn (image XObjects and inline images), Forms included: a
    /// page with an image and no text is a scan.
    pub images: usize,
    /// Operators run, Forms included.
    pub ops: usize,
    /// The bound the page ran into, if any: its glyphs are then incomplete
    /// and the page is an error.
    pub limit: Option<Limit>,
    /// Ruled lines drawn on the page (at most [`MAX_RULES`]): filled
    /// rectangles at most [`RULE_WIDTH`] thick and stroked straight
    /// segments, horizontal or vertical, in displayed coordinates.
    pub rules: Vec<Rule>,
}

/// A ruled line: `x0 <= x1`, `y0 <= y1`, displayed coordinates (y down).
/// A horizontal rule has `y1 - y0 <= RULE_WIDTH`, a vertical one
/// `x1 - x0 <= RULE_WIDTH`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rule {
    /// A rule across the page, not down it.
    pub fn horizontal(&self) -> bool {
        self.y1 - self.y0 <= RULE_WIDTH && self.x1 - self.x0 > self.y1 - self.y0
    }
}

/// The most ruled lines kept per page.
pub const MAX_RULES: usize = 20_000;
/// The thickest a filled rectangle may be to count as a ruled line (pt).
pub const RULE_WIDTH: f32 = 2.0;

/// The error of a failed stream decode: a bound when the stream inflated
/// past it.
fn inflated(e: &lopdf::Error) -> Option<Limit> {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => {
            Some(Limit::Inflated(*limit))
        }
        _ => None,
    }
}

/// Fonts already built, by object id, shared across pages.
#[derive(Default)]
pub struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
    /// Fonts written inline in a resource dictionary, by the dictionary's
    /// address (the document is borrowed for the whole read).
    inline: HashMap<usize, Rc<Font>>,
}

/// The displayed geometry of a page, from its (inherited) attributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageBox {
    /// CropBox (clipped to the MediaBox), `[x0 y0 x1 y1]` normalised.
    pub crop: [f32; 4],
    /// `/Rotate`, normalised to 0, 90, 180 or 270.
    pub rotate: i32,
}

impl PageBox {
    /// Width and height as displayed.
    pub fn size(&self) -> (f32, f32) {
        let w = self.crop[2] - self.crop[0];
        let h = self.crop[3] - self.crop[1];
        if self.rotate % 180 == 0 {
            (w, h)
        } else {
            (h, w)
        }
    }

    /// The matrix from default user space to displayed, top-down coordinates.
    pub fn matrix(&self) -> Matrix {
        let [x0, y0, x1, y1] = self.crop;
        let (w, h) = (x1 - x0, y1 - y0);
        let shift = [1.0, 0.0, 0.0, 1.0, -x0, -y0];
        // Rotate clockwise (as displayed) into a y-up page...
        let rot = match self.rotate {
            90 => [0.0, -1.0, 1.0, 0.0, 0.0, w],
            180 => [-1.0, 0.0, 0.0, -1.0, w, h],
            270 => [0.0, 1.0, -1.0, 0.0, h, 0.0],
            _ => IDENTITY,
        };
        // ...then flip so y grows downwards.
        let (_, disp_h) = self.size();
        let flip = [1.0, 0.0, 0.0, -1.0, 0.0, disp_h];
        mul(&mul(&shift, &rot), &flip)
    }
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj)
        .map(|(_, o)| o)
        .unwrap_or(&Object::Null)
}

fn number(obj: &Object) -> Option<f32> {
    obj.as_float().ok().filter(|v| v.is_finite())
}

fn rect(doc: &Document, obj: &Object) -> Option<[f32; 4]> {
    let arr = deref(doc, obj).as_array().ok()?;
    if arr.len() != 4 {
        return None;
    }
    let mut v = [0.0; 4];
    for (slot, o) in v.iter_mut().zip(arr) {
        *slot = number(deref(doc, o))?;
    }
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

/// An inheritable page attribute: on the page or its nearest ancestor.
pub fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        node = node
            .get(b"Parent")
            .ok()
            .map(|p| deref(doc, p))
            .and_then(|p| p.as_dict().ok())?;
    }
    None
}

/// The page's displayed box (US Letter when the file gives none).
pub fn page_box(doc: &Document, page: &Dictionary) -> PageBox {
    let media = inherited(doc, page, b"MediaBox")
        .and_then(|o| rect(doc, o))
        .filter(|r| r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0)
        .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let crop = inherited(doc, page, b"CropBox")
        .and_then(|o| rect(doc, o))
        .map(|c| {
            [
                c[0].max(media[0]),
                c[1].max(media[1]),
                c[2].min(media[2]),
                c[3].min(media[3]),
            ]
        })
        .filter(|r| r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0)
        .unwrap_or(media);
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| deref(doc, o).as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    let rotate = (rotate / 90 * 90) as i32;
    PageBox { crop, rotate }
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_space: f32,
    word_space: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    render: i64,
}

struct Run<'a> {
    /// The current path's rectangles and straight segments, as displayed
    /// boxes, until a painting operator keeps them as rules or `n` drops
    /// them; `at` is the current point in user space.
    path: Vec<Rule>,
    at: Option<(f32, f32)>,
    doc: &'a Document,
    budget: &'a Budget,
    fonts: &'a mut FontCache,
    out: PageGlyphs,
    ops: usize,
    forms: Vec<ObjectId>,
    tm: Matrix,
    tlm: Matrix,
}

/// Run a page's content and collect its glyphs, within `budget`.
pub fn page_glyphs(
    doc: &Document,
    page_id: ObjectId,
    fonts: &mut FontCache,
    budget: &Budget,
) -> PageGlyphs {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return PageGlyphs::default();
    };
    let pbox = page_box(doc, page);
    let (width, height) = pbox.size();
    let resources = inherited(doc, page, b"Resources")
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok());
    let content = match doc.get_page_content_with_limit(page_id, MAX_STREAM_BYTES) {
        Ok(c) => c,
        Err(e) => {
            return PageGlyphs {
                width,
                height,
                limit: inflated(&e),
                ..PageGlyphs::default()
            };
        }
    };
    if super::guard::largest_array(&content) > super::guard::MAX_ARRAY {
        return PageGlyphs {
            width,
            height,
            limit: Some(Limit::Elements(super::guard::MAX_ARRAY)),
            ..PageGlyphs::default()
        };
    }
    let mut run = Run {
        path: Vec::new(),
        at: None,
        doc,
        budget,
        fonts,
        out: PageGlyphs {
            width,
            height,
            ..PageGlyphs::default()
        },
        ops: 0,
        forms: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
    };
    let mut state = State {
        ctm: pbox.matrix(),
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
        render: 0,
    };
    run.stream(&content, resources, &mut state);
    let mut out = run.out;
    if out.glyphs.is_empty() {
        out.glyphs = std::mem::take(&mut out.hidden);
    }
    out
}

impl<'a> Run<'a> {
    fn stream(&mut self, data: &[u8], resources: Option<&'a Dictionary>, state: &mut State) {
        let mut stack: Vec<State> = Vec::new();
        for op in Content::decode_iter(data) {
            if self.out.limit.is_some() {
                break;
            }
            let Ok(op) = op else {
                self.out.broken_stream = true;
                break;
            };
            self.ops += 1;
            self.out.ops = self.ops;
            if self.ops > MAX_OPS {
                self.out.limit = Some(Limit::Operators(MAX_OPS));
                break;
            }
            if self.out.glyphs.len() + self.out.hidden.len() >= MAX_GLYPHS {
                self.out.limit = Some(Limit::Glyphs(MAX_GLYPHS));
                break;
            }
            if self.ops.is_multiple_of(CLOCK_EVERY) && self.budget.exceeded() {
                self.out.limit = Some(self.budget.limit());
                break;
            }
            let args = &op.operands;
            let num = |i: usize| args.get(i).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push(state.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        *state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix(args) {
                        state.ctm = mul(&m, &state.ctm);
                    }
                }
                "BT" => {
                    self.tm = IDENTITY;
                    self.tlm = IDENTITY;
                }
                "Tf" => {
                    state.size = num(1);
                    state.font = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                }
                "Tc" => state.char_space = num(0),
                "Tw" => state.word_space = num(0),
                "Tz" => state.scale = num(0) / 100.0,
                "TL" => state.leading = num(0),
                "Ts" => state.rise = num(0),
                "Tr" => state.render = args.first().and_then(|o| o.as_i64().ok()).unwrap_or(0),
                "Td" => self.move_line(num(0), num(1)),
                "TD" => {
                    state.leading = -num(1);
                    self.move_line(num(0), num(1));
                }
                "Tm" => {
                    if let Some(m) = matrix(args) {
                        self.tm = m;
                        self.tlm = m;
                    }
                }
                "T*" => self.move_line(0.0, -state.leading),
                "Tj" => {
                    if let Some(s) = args.first().and_then(|o| o.as_str().ok()) {
                        self.show(s, state);
                    }
                }
                "'" => {
                    self.move_line(0.0, -state.leading);
                    if let Some(s) = args.first().and_then(|o| o.as_str().ok()) {
                        self.show(s, state);
                    }
                }
                "\"" => {
                    state.word_space = num(0);
                    state.char_space = num(1);
                    self.move_line(0.0, -state.leading);
                    if let Some(s) = args.get(2).and_then(|o| o.as_str().ok()) {
                        self.show(s, state);
                    }
                }
                "TJ" => {
                    let Some(items) = args.first().and_then(|o| o.as_array().ok()) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s, state),
                            other => {
                                if let Some(n) = number(other) {
                                    let tx = -n / 1000.0 * state.size * state.scale;
                                    self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
                                }
                            }
                        }
                    }
                }
                "re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    let a = apply(&state.ctm, x, y);
                    let b = apply(&state.ctm, x + w, y + h);
                    self.path_box(a, b);
                    self.at = Some((x, y));
                }
                "m" => self.at = Some((num(0), num(1))),
                "l" => {
                    let to = (num(0), num(1));
                    if let Some(from) = self.at {
                        let a = apply(&state.ctm, from.0, from.1);
                        let b = apply(&state.ctm, to.0, to.1);
                        // Only straight segments, as stroked lines: a filled
                        // polygon's edges are no rules, and a thin filled
                        // rectangle comes as `re`.
                        if (a.0 - b.0).abs() <= 0.1 || (a.1 - b.1).abs() <= 0.1 {
                            self.path_box(a, b);
                        }
                    }
                    self.at = Some(to);
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    let stroke = matches!(op.operator.as_str(), "S" | "s");
                    let mut path = std::mem::take(&mut self.path);
                    if stroke {
                        // A stroked box is its four edges.
                        path = path
                            .into_iter()
                            .flat_map(|r| {
                                let edge = |x0, y0, x1, y1| Rule { x0, y0, x1, y1 };
                                if (r.y1 - r.y0).min(r.x1 - r.x0) <= RULE_WIDTH {
                                    vec![r]
                                } else {
                                    vec![
                                        edge(r.x0, r.y0, r.x1, r.y0),
                                        edge(r.x0, r.y1, r.x1, r.y1),
                                        edge(r.x0, r.y0, r.x0, r.y1),
                                        edge(r.x1, r.y0, r.x1, r.y1),
                                    ]
                                }
                            })
                            .collect();
                    }
                    for r in path {
                        let thin = (r.y1 - r.y0).min(r.x1 - r.x0) <= RULE_WIDTH;
                        let line = (r.y1 - r.y0).min(r.x1 - r.x0) <= 0.1;
                        if thin
                            && (stroke || !line)
                            && (r.y1 - r.y0).max(r.x1 - r.x0) >= 2.0
                            && self.out.rules.len() < MAX_RULES
                        {
                            self.out.rules.push(r);
                        }
                    }
                    self.at = None;
                }
                "n" => {
                    self.path.clear();
                    self.at = None;
                }
                // lopdf reads an inline image as one `BI` holding it.
                "BI" => self.out.images += 1,
                "Do" => {
                    if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                        self.form(resources, name, state);
                    }
                }
                _ => {}
            }
        }
    }

    /// Add the box of corners `a` and `b` (displayed) to the current path.
    fn path_box(&mut self, a: (f32, f32), b: (f32, f32)) {
        let r = Rule {
            x0: a.0.min(b.0),
            y0: a.1.min(b.1),
            x1: a.0.max(b.0),
            y1: a.1.max(b.1),
        };
        if [r.x0, r.y0, r.x1, r.y1].iter().all(|v| v.is_finite()) && self.path.len() < 4096 {
            self.path.push(r);
        }
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = deref(self.doc, resources?.get(b"Font").ok()?)
            .as_dict()
            .ok()?;
        let entry = fonts.get(name).ok()?;
        if let Ok(id) = entry.as_reference() {
            if let Some(f) = self.fonts.by_id.get(&id) {
                return Some(f.clone());
            }
            let dict = self.doc.get_dictionary(id).ok()?;
            let font = Rc::new(self.build(dict)?);
            self.fonts.by_id.insert(id, font.clone());
            return Some(font);
        }
        let dict = entry.as_dict().ok()?;
        let key = dict as *const Dictionary as usize;
        if let Some(f) = self.fonts.inline.get(&key) {
            return Some(f.clone());
        }
        let font = Rc::new(self.build(dict)?);
        self.fonts.inline.insert(key, font.clone());
        Some(font)
    }

    /// A font read from its dictionary (each at most once a document):
    /// each may hold a CMap of up to 4 MiB, so their number is bounded
    /// and the clock is read before each.
    fn build(&mut self, dict: &Dictionary) -> Option<Font> {
        if self.fonts.by_id.len() + self.fonts.inline.len() >= MAX_FONTS {
            self.out.limit = Some(Limit::Fonts(MAX_FONTS));
            return None;
        }
        if self.budget.exceeded() {
            self.out.limit = Some(self.budget.limit());
            return None;
        }
        Some(Font::from_dict(self.doc, dict))
    }

    fn show(&mut self, bytes: &[u8], state: &State) {
        let Some(font) = state.font.clone() else {
            // Text before any Tf: nothing can be read, but it is text.
            self.out.unmapped += bytes.len();
            return;
        };
        let visible = state.render != 3 && state.render != 7;
        let size = state.size;
        let th = state.scale;
        let base = [size * th, 0.0, 0.0, size, 0.0, state.rise];
        for code in font.codes(bytes) {
            let w0 = font.advance(code);
            let spacing = state.char_space
                + if font.is_word_space(code) {
                    state.word_space
                } else {
                    0.0
                };
            let tx = (w0 * size + spacing) * th;
            let kept = if visible {
                self.out.glyphs.len()
            } else {
                self.out.hidden.len()
            };
            if kept < MAX_GLYPHS {
                let trm = mul(&mul(&base, &self.tm), &state.ctm);
                let (x, y) = apply(&trm, 0.0, 0.0);
                let (xe, ye) = apply(&trm, w0, 0.0);
                let glyph_size = trm[2].hypot(trm[3]);
                let (dx, dy) = (xe - x, ye - y);
                let upright = dx >= -0.01 && dy.abs() <= dx.abs() * 0.2 + 0.01;
                let inside = x >= -1.0
                    && x <= self.out.width + 1.0
                    && y >= -1.0
                    && y <= self.out.height + 1.0;
                if upright && inside && glyph_size.is_finite() && glyph_size > 0.1 {
                    let text = match font.unicode(code) {
                        Some(t) => t,
                        None => {
                            self.out.unmapped += 1;
                            "\u{FFFD}".to_string()
                        }
                    };
                    let glyph = Glyph {
                        x0: x,
                        x1: x + dx.max(0.0),
                        y,
                        size: glyph_size,
                        text,
                    };
                    if visible {
                        self.out.glyphs.push(glyph);
                    } else {
                        self.out.hidden.push(glyph);
                    }
                }
            }
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
        }
    }

    fn form(&mut self, resources: Option<&'a Dictionary>, name: &[u8], state: &State) {
        let Some(xobjects) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .map(|o| deref(self.doc, o))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        let Some(Ok(id)) = xobjects.get(name).ok().map(|o| o.as_reference()) else {
            return;
        };
        if self.forms.contains(&id) {
            return;
        }
        if self.forms.len() >= MAX_FORM_DEPTH {
            self.out.limit = Some(Limit::Nesting(MAX_FORM_DEPTH));
            return;
        }
        let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if subtype == Some(b"Image".as_slice()) {
            self.out.images += 1;
        }
        if subtype != Some(b"Form".as_slice()) {
            return;
        }
        let data = match stream.get_plain_content_with_limit(MAX_STREAM_BYTES) {
            Ok(data) => data,
            Err(e) => {
                self.out.broken_stream = true;
                self.out.limit = inflated(&e);
                return;
            }
        };
        if super::guard::largest_array(&data) > super::guard::MAX_ARRAY {
            self.out.limit = Some(Limit::Elements(super::guard::MAX_ARRAY));
            return;
        }
        let m = stream
            .dict
            .get(b"Matrix")
            .ok()
            .map(|o| deref(self.doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| matrix(a))
            .unwrap_or(IDENTITY);
        let form_resources = stream
            .dict
            .get(b"Resources")
            .ok()
            .map(|o| deref(self.doc, o))
            .and_then(|o| o.as_dict().ok())
            .or(resources);
        let mut inner = state.clone();
        inner.ctm = mul(&m, &state.ctm);
        let (tm, tlm) = (self.tm, self.tlm);
        self.forms.push(id);
        self.stream(&data, form_resources, &mut inner);
        self.forms.pop();
        self.tm = tm;
        self.tlm = tlm;
    }
}

fn matrix(args: &[Object]) -> Option<Matrix> {
    if args.len() < 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (slot, o) in m.iter_mut().zip(args) {
        *slot = number(o)?;
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// A one-page document whose page draws `content` with Helvetica as /F1
    /// (Standard encoding plus a Cyrillic /Differences), optional Form /X1.
    fn doc(content: &[u8], form: Option<&[u8]>, page_extra: Dictionary) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => dictionary! {
                "Differences" => vec![Object::Integer(200), Object::Name(b"afii10065".to_vec()), Object::Name(b"uni04D9".to_vec())],
            },
        });
        let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        if let Some(form) = form {
            let id = doc.new_object_id();
            let stream = Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form",
                    "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 0.into()],
                    "XObject" => dictionary! {},
                    // The form draws itself: the recursion guard must stop it.
                    "Resources" => dictionary! {
                        "Font" => dictionary! { "F1" => font },
                        "XObject" => dictionary! { "X1" => id },
                    },
                },
                form.to_vec(),
            );
            doc.objects.insert(id, Object::Stream(stream));
            resources.set("XObject", dictionary! { "X1" => id });
        }
        let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let pages_id = doc.new_object_id();
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
        };
        page.extend(&page_extra);
        let page_id = doc.add_object(page);
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
                "Resources" => resources,
            }),
        );
        (doc, page_id)
    }

    fn texts(g: &PageGlyphs) -> String {
        g.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn positions_follow_td_and_widths() {
        let (d, p) = doc(
            b"BT /F1 10 Tf 100 700 Td (AB) Tj 0 -12 Td (C) Tj ET",
            None,
            dictionary! {},
        );
        let g = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        assert_eq!(texts(&g), "ABC");
        assert_eq!((g.width, g.height), (600.0, 800.0));
        let a = &g.glyphs[0];
        assert!((a.x0 - 100.0).abs() < 0.01 && (a.y - 100.0).abs() < 0.01);
        assert!(
            (a.x1 - 106.67).abs() < 0.01,
            "Helvetica A is 667 wide: {}",
            a.x1
        );
        assert!((g.glyphs[1].x0 - 106.67).abs() < 0.01);
        assert!((g.glyphs[2].y - 112.0).abs() < 0.01 && (g.glyphs[2].x0 - 100.0).abs() < 0.01);
        assert!((a.size - 10.0).abs() < 0.01);
    }

    #[test]
    fn tj_offsets_integer_and_real_and_word_spacing() {
        let (d, p) = doc(
            b"BT /F1 10 Tf 2 Tw 0 0 Td [(A) -1000 (B) 500.5 (C)] TJ ( D) Tj ET",
            None,
            dictionary! {},
        );
        let g = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        assert_eq!(texts(&g), "ABC D");
        // A at 0, width 6.67; -1000 moves 10 right: B at 16.67.
        assert!((g.glyphs[1].x0 - 16.67).abs() < 0.01);
        // B 6.67 wide, then 500.5 moves 5.005 left.
        assert!((g.glyphs[2].x0 - (16.67 + 6.67 - 5.005)).abs() < 0.01);
        // The space gets Tw: D starts after C (7.22), the space (2.78) and 2.
        let c = &g.glyphs[2];
        let dd = &g.glyphs[4];
        assert!(
            (dd.x0 - (c.x0 + 7.22 + 2.78 + 2.0)).abs() < 0.02,
            "{} vs {}",
            dd.x0,
            c.x0
        );
    }

    #[test]
    fn quote_operators_leading_and_scaling() {
        let (d, p) = doc(
            b"BT /F1 10 Tf 14 TL 50 Tz 0 700 Td (A) Tj (B) ' 1 0 (C) \" 0 5 TD T* (E) Tj ET",
            None,
            dictionary! {},
        );
        let g = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        assert_eq!(texts(&g), "ABCE");
        assert!(
            (g.glyphs[0].x1 - g.glyphs[0].x0 - 3.335).abs() < 0.01,
            "Tz 50 halves widths"
        );
        assert!((g.glyphs[1].y - 114.0).abs() < 0.01);
        assert!((g.glyphs[2].y - 128.0).abs() < 0.01);
        // 5 TD sets TL to -5 and moves up 5; T* then moves down by -5: up 5 more.
        assert!((g.glyphs[3].y - 118.0).abs() < 0.01, "{}", g.glyphs[3].y);
    }

    #[test]
    fn invisible_text_and_differences() {
        let (d, p) = doc(
            b"BT /F1 10 Tf 3 Tr (hidden) Tj 0 Tr (\\310\\311) Tj ET",
            None,
            dictionary! {},
        );
        let g = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        assert_eq!(texts(&g), "аә");
    }

    #[test]
    fn forms_with_matrix_resources_and_recursion_guard() {
        let (d, p) = doc(
            b"q 1 0 0 1 0 10 cm /X1 Do Q BT /F1 10 Tf 0 0 Td (Z) Tj ET",
            Some(b"BT /F1 10 Tf 5 700 Td (F) Tj ET /X1 Do"),
            dictionary! {},
        );
        let g = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        // The form draws once (its self-reference is refused), then Z.
        assert_eq!(texts(&g), "FZ");
        assert!((g.glyphs[0].x0 - 105.0).abs() < 0.01);
        assert!((g.glyphs[0].y - 90.0).abs() < 0.01);
    }

    #[test]
    fn rotate_and_cropbox() {
        // Text drawn rotated so that a /Rotate 90 page shows it upright.
        let (d, p) = doc(
            b"BT /F1 10 Tf 0 1 -1 0 500 100 Tm (AB) Tj ET",
            None,
            dictionary! { "Rotate" => 90, "CropBox" => vec![0.into(), 0.into(), 600.into(), 800.into()] },
        );
        let g = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        assert_eq!((g.width, g.height), (800.0, 600.0));
        assert_eq!(texts(&g), "AB");
        let (a, b) = (&g.glyphs[0], &g.glyphs[1]);
        assert!(b.x0 > a.x0 && (a.y - b.y).abs() < 0.01, "{a:?} {b:?}");
        assert!(
            (a.x0 - 100.0).abs() < 0.01 && (a.y - 500.0).abs() < 0.01,
            "{a:?}"
        );

        // Glyphs outside the CropBox are not shown.
        let (d, p) = doc(
            b"BT /F1 10 Tf 10 10 Td (A) Tj 300 300 Td (B) Tj ET",
            None,
            dictionary! { "CropBox" => vec![100.into(), 100.into(), 500.into(), 700.into()] },
        );
        let g = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        assert_eq!(texts(&g), "B");
        assert!((g.glyphs[0].x0 - 210.0).abs() < 0.01);
    }

    #[test]
    fn garbage_streams_do_not_panic() {
        for content in [
            &b"BT /F1 Tf Tj TJ ' \" Td Tm cm Do ET"[..],
            b"(unterminated",
            b"BT [(A) /Name 3] TJ ET",
            b"Q Q Q q",
            b"BT (no font) Tj ET",
        ] {
            let (d, p) = doc(content, None, dictionary! {});
            let _ = page_glyphs(&d, p, &mut FontCache::default(), &Budget::unlimited());
        }
        let g = page_glyphs(
            &Document::with_version("1.5"),
            (9, 0),
            &mut FontCache::default(),
            &Budget::unlimited(),
        );
        assert!(g.glyphs.is_empty());
    }

    #[test]
    fn matrix_product_order() {
        let t = [1.0, 0.0, 0.0, 1.0, 10.0, 0.0];
        let s = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        // Translate then scale: the translation is scaled too.
        assert_eq!(apply(&mul(&t, &s), 0.0, 0.0), (20.0, 0.0));
        assert_eq!(apply(&mul(&s, &t), 0.0, 0.0), (10.0, 0.0));
    }
}
