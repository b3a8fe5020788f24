//! Families of near-duplicate documents: the documents of one language
//! that share a template. Candidates come from locality-sensitive hashing
//! of MinHash signatures (LSH banding, Leskovec, Rajaraman and Ullman,
//! *Mining of Massive Datasets*, ch. 3.4), every candidate pair is verified
//! by exact Jaccard similarity of the shingle sets, and verified pairs are
//! joined into families by union-find. The work is near-linear in the
//! number of documents: pairs are only ever formed inside band buckets.
//!
//! Invariants of the output ([`Families`]): every input index is in exactly
//! one group (singletons included); each group is sorted ascending and the
//! groups are sorted by their first member; links are sorted and have
//! `a < b`. The output is a pure function of the sketches and [`Params`]:
//! no hash map is iterated, candidate pairs are sorted before verification,
//! so it is the same on every machine and thread count, and permuting the
//! input permutes the output accordingly.
//!
//! # What to feed it
//!
//! One [`Sketch`] per document and language, built from that language's
//! tokens only (shingling a bilingual text as one sequence mixes two
//! templates). Normalise before shingling: company names, websites,
//! contacts, clause numbers and digits become placeholders, since every
//! scattered difference costs [`SHINGLE_SIZE`] shingles.
//!
//! # The default threshold: Jaccard ≥ 0.5 on 5-shingles
//!
//! Measured on the corpus by `examples/shingle_sim.rs` (whole texts
//! lowercased, digit runs as `0`, HTML tags dropped, *no* normalisation of
//! names or contacts; per-language figures split text segments by script):
//!
//! | pair | whole | kk | ru |
//! |---|---|---|---|
//! | beeclever ~ expressavans (one template) | 0.666 | 0.599 | 0.801 |
//! | the 9 unrelated pairs, largest | 0.0032 | 0.0048 | 0.0041 |
//!
//! Unrelated policies on the same law share far less on 5-shingles than one
//! might fear (well under 1%); the one template pair shares 60–80%, its
//! Kazakh versions diverging more than its Russian ones (each company's
//! translator reworded the template). After `sketch` normalises names,
//! contacts and numbers the pair is at 0.62 (kk) and 0.84 (ru).
//!
//! The first default, 0.3, sat 60 times above the worst unrelated real
//! pair, but a generated corpus of 1,000 policies (`benches/corpus.sh`:
//! 371 synthetic templates built from the same pool of real clauses, copies
//! with planted deviations) showed templates that share a third of their
//! clauses: cross-family pairs up to J = 0.395, within-family links from
//! 0.348 (5th percentile 0.683). At 0.3 family precision over pairs was
//! 0.72; on the plateau from 0.4 to 0.55 it is 1.000 with recall 1.000,
//! and 0.5 sits in its middle (J = 0.5: each document shares two thirds of
//! its shingles with the other). Unions need only a connected chain of
//! links, so a copy far from one member still joins through another.
//!
//! # Jaccard, not containment, for verification
//!
//! Templates are copied with clauses added and removed; a short policy may
//! be a strict subset of a template. Containment (|A∩B| / min) would link
//! the latter, but (1) the banding finds candidates by *Jaccard* (MinHash
//! estimates resemblance), so a short subset with low Jaccard would rarely
//! be proposed and containment verification would be applied
//! inconsistently; and (2) containment is not a resemblance: a short
//! generic text (a page of boilerplate from Law 94-V) is contained in many
//! unrelated templates and would chain them into one family through
//! union-find. Jaccard at 0.5 already tolerates
//! substantial additions and removals. A report that wants "A is a cut-down
//! B" can compute [`containment`](super::minhash::containment) on a family's
//! members.

use super::minhash::{self, SHINGLE_SIZE, fmix64, jaccard};

/// Default minimum exact Jaccard similarity of the 5-shingle sets of two
/// documents of one family. Chosen from the measurements in the module
/// documentation.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// The similarity the banding is tuned for, below [`DEFAULT_THRESHOLD`] so
/// that pairs at the threshold are nearly always candidates (0.996 at
/// J = 0.5); every candidate is verified exactly, so a lower banding
/// threshold costs only verifications.
pub const BANDING_THRESHOLD: f64 = 0.3;

/// Default number of LSH bands (b): `optimal_bands(BANDING_THRESHOLD, 128,
/// 0.2, 0.8)`.
pub const DEFAULT_BANDS: usize = 42;

/// Default rows per band (r): see [`DEFAULT_BANDS`]. `b · r` = 126 of the
/// 128 signature bins are used.
pub const DEFAULT_ROWS: usize = 3;

/// Default largest band bucket whose members are all paired; see
/// [`Params::max_bucket`].
pub const DEFAULT_MAX_BUCKET: usize = 64;

/// The version of the family grouping: the signature version and the
/// default [`Params`]. Results of different versions are not comparable.
pub const FAMILIES_VERSION: u32 = 2;

/// The per-document, per-language input: the shingle set and its MinHash
/// signature.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sketch {
    /// Hashed word shingles, sorted ascending, without duplicates
    /// ([`minhash::shingles`]).
    pub shingles: Vec<u32>,
    /// The MinHash signature of `shingles` ([`minhash::signature`]),
    /// [`SIGNATURE_BINS`](minhash::SIGNATURE_BINS) values.
    pub signature: Vec<u32>,
}

impl Sketch {
    /// The version-1 sketch of one language's tokens of one document
    /// ([`SHINGLE_SIZE`]-word shingles, [`SIGNATURE_BINS`](minhash::SIGNATURE_BINS)-bin signature).
    pub fn from_tokens(tokens: &[&str]) -> Sketch {
        Sketch::from_shingles(minhash::shingles(tokens, SHINGLE_SIZE))
    }

    /// The sketch of a shingle set, which is sorted and deduplicated here.
    pub fn from_shingles(mut shingles: Vec<u32>) -> Sketch {
        shingles.sort_unstable();
        shingles.dedup();
        let signature = minhash::signature(&shingles);
        Sketch {
            shingles,
            signature,
        }
    }
}

/// How families are formed.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Minimum exact Jaccard similarity for two documents to be linked, in
    /// (0, 1].
    pub threshold: f64,
    /// LSH bands (b). Two documents are candidates when all `rows` values
    /// of at least one band agree; at similarity `s` this happens with
    /// probability `1 − (1 − s^r)^b` ([`candidate_probability`]).
    pub bands: usize,
    /// Rows (signature values) per band (r); `bands · rows` must not exceed
    /// the signature length.
    pub rows: usize,
    /// A band bucket with more members than this does not pair all of
    /// them (that would be quadratic, e.g. for thousands of identical or
    /// empty-ish documents); instead each member is paired with the
    /// bucket's first member and with the next member, `2(m − 1)` pairs.
    /// A bucket that big is almost always one family (or one family plus
    /// strays), which the star recovers; links the star misses are usually
    /// found through the other bands.
    pub max_bucket: usize,
}

impl Default for Params {
    /// Threshold 0.5, 42 bands × 3 rows, buckets up to 64 fully paired.
    ///
    /// With these bands a pair is a candidate with probability 0.68 at
    /// J = 0.3, 0.94 at 0.4, 0.996 at 0.5, 0.99996 at 0.6 (where the
    /// template copy of the corpus sits), and 4·10⁻⁵ at 0.01 (unrelated).
    /// A family is recovered even when some of its pairs are missed, as
    /// long as its members stay connected.
    fn default() -> Params {
        Params {
            threshold: DEFAULT_THRESHOLD,
            bands: DEFAULT_BANDS,
            rows: DEFAULT_ROWS,
            max_bucket: DEFAULT_MAX_BUCKET,
        }
    }
}

/// How far below the threshold a pair's MinHash estimate
/// ([`minhash::estimate`]) must fall for the pair to be rejected without
/// the exact Jaccard.
///
/// The estimate of J from the signature's bins has a standard error of
/// about √(J(1 − J)/k) (Broder 1997); at J = 0.5 and k = 128 that is 0.044,
/// so 0.3 is about 7 standard errors: a pair at the threshold is rejected
/// by mistake with probability far below 10⁻⁹. On the generated corpus of
/// 10,000 policies (`benches/corpus.sh`) the linked pairs' estimates were
/// never below 0.3, while 60–68% of the rejected candidates (cross-family
/// pairs of templates cut from one pool of clauses) had estimates below
/// 0.2 and now skip the walk.
pub const PREFILTER_MARGIN: f64 = 0.3;

/// The families of one language's documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Families {
    /// Every document index exactly once: each group sorted ascending,
    /// groups sorted by their first member; a document without a verified
    /// link is a group of one.
    pub groups: Vec<Vec<usize>>,
    /// Verified links `(a, b, jaccard)` with `a < b`, sorted by `(a, b)`:
    /// the candidate pairs, in sorted order, whose exact Jaccard reached
    /// the threshold when `a` and `b` were not yet in one group. They are a
    /// spanning forest: a group of `m` documents has `m − 1` links, and the
    /// groups are their connected components. (Verifying every pair of a
    /// 50-copy family would cost 1,225 merge walks for the 49 that decide
    /// it.)
    pub links: Vec<(usize, usize, f32)>,
    /// Distinct candidate pairs proposed by the banding (before the exact
    /// check and the size filter): the work done, for reports and tests.
    pub candidate_pairs: usize,
}

impl Families {
    /// Groups with more than one member.
    pub fn non_trivial(&self) -> impl Iterator<Item = &[usize]> {
        self.groups
            .iter()
            .filter(|g| g.len() > 1)
            .map(Vec::as_slice)
    }
}

/// The probability that two documents of Jaccard similarity `s` become
/// candidates under `bands` × `rows` banding: `1 − (1 − s^rows)^bands`
/// (MMDS ch. 3.4.2).
pub fn candidate_probability(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

/// The band layout `(bands, rows)` with `bands · rows ≤ bins` that minimises
/// `fp_weight · FP + fn_weight · FN`, where FP is the area under
/// [`candidate_probability`] on `[0, threshold]` (pairs proposed below the
/// threshold) and FN the area above it on `[threshold, 1]` (pairs missed).
/// This is the parameter search of the BigCode near-deduplication code
/// (`optimal_param`, after datasketch), integrated here by composite
/// Simpson's rule with 1,000 intervals; ties keep the smaller `bands`, then
/// the smaller `rows`.
///
/// Floating-point results may differ in the last bits between platforms,
/// which could flip a near-tie; that is why the defaults are fixed as
/// constants ([`DEFAULT_BANDS`], [`DEFAULT_ROWS`]) rather than computed.
///
/// # Panics
///
/// If `threshold` is not in (0, 1) or `bins` is 0.
pub fn optimal_bands(
    threshold: f64,
    bins: usize,
    fp_weight: f64,
    fn_weight: f64,
) -> (usize, usize) {
    assert!(
        threshold > 0.0 && threshold < 1.0,
        "threshold must be in (0, 1), got {threshold}"
    );
    assert!(bins > 0, "no signature bins");
    let mut best = (f64::INFINITY, (1, 1));
    for bands in 1..=bins {
        for rows in 1..=bins / bands {
            let fp = simpson(|s| candidate_probability(s, bands, rows), 0.0, threshold);
            let fn_ = simpson(
                |s| 1.0 - candidate_probability(s, bands, rows),
                threshold,
                1.0,
            );
            let error = fp_weight * fp + fn_weight * fn_;
            if error < best.0 {
                best = (error, (bands, rows));
            }
        }
    }
    best.1
}

/// ∫ f over [a, b] by composite Simpson's rule with 1,000 intervals.
fn simpson(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const INTERVALS: usize = 1000;
    let h = (b - a) / INTERVALS as f64;
    let mut sum = f(a) + f(b);
    for i in 1..INTERVALS {
        let weight = if i % 2 == 1 { 4.0 } else { 2.0 };
        sum += weight * f(a + i as f64 * h);
    }
    sum * h / 3.0
}

/// The families of `sketches` (one language; indices into this slice).
///
/// 1. **Banding.** For each band, the `rows` signature values of every
///    document with a non-empty shingle set are hashed to a 64-bit key;
///    `(key, document)` records are sorted and each run of equal keys is a
///    bucket. Documents without shingles are never candidates.
/// 2. **Candidates.** Every pair within a bucket of at most
///    `params.max_bucket` members (larger buckets: see
///    [`Params::max_bucket`]); pairs are collected over all bands, sorted
///    and deduplicated.
/// 3. **Verification**, in sorted pair order, of the pairs whose documents
///    the links so far have not joined: a pair is linked when its exact
///    Jaccard reaches `params.threshold`. Two cheap tests reject a pair
///    without the merge walk: set sizes that alone bound the Jaccard below
///    the threshold (`min/max < threshold`), and a signature estimate more
///    than [`PREFILTER_MARGIN`] below it.
/// 4. **Union-find** (path compression, union by size) over the links, as
///    they are found.
///
/// Cost: O(n · b · log n) for banding, plus O(|A| + |B|) per verified pair;
/// at most n − 1 verifications succeed.
///
/// # Panics
///
/// If `params.bands · params.rows` exceeds a signature's length, or
/// `bands`/`rows` is 0, or there are 2³² documents or more.
pub fn families(sketches: &[&Sketch], params: &Params) -> Families {
    let n = sketches.len();
    assert!(params.bands > 0 && params.rows > 0, "empty band layout");
    assert!(u32::try_from(n).is_ok(), "too many documents");
    let width = params.bands * params.rows;
    for (i, sketch) in sketches.iter().enumerate() {
        assert!(
            sketch.signature.len() >= width,
            "document {i}: signature of {} values, bands need {width}",
            sketch.signature.len()
        );
    }

    let pairs = candidate_pairs(sketches, params);
    let candidate_pairs = pairs.len();

    let mut links = Vec::new();
    let mut sets = UnionFind::new(n);
    for (a, b) in pairs {
        let (a, b) = (a as usize, b as usize);
        // Already joined through other links: the verification could only
        // confirm what the groups say.
        if sets.find(a) == sets.find(b) {
            continue;
        }
        let (x, y) = (&sketches[a].shingles, &sketches[b].shingles);
        let (small, large) = (x.len().min(y.len()), x.len().max(y.len()));
        if (small as f64) < params.threshold * large as f64 {
            continue;
        }
        // The signatures already say the pair is far below the threshold.
        let estimate = minhash::estimate(&sketches[a].signature, &sketches[b].signature);
        if estimate < params.threshold - PREFILTER_MARGIN {
            continue;
        }
        let similarity = jaccard(x, y);
        if similarity >= params.threshold {
            links.push((a, b, similarity as f32));
            sets.union(a, b);
        }
    }

    Families {
        groups: sets.groups(),
        links,
        candidate_pairs,
    }
}

/// Distinct candidate pairs `(a, b)`, `a < b`, sorted.
fn candidate_pairs(sketches: &[&Sketch], params: &Params) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut records: Vec<(u64, u32)> = Vec::with_capacity(sketches.len());
    for band in 0..params.bands {
        records.clear();
        let start = band * params.rows;
        for (i, sketch) in sketches.iter().enumerate() {
            if sketch.shingles.is_empty() {
                continue;
            }
            let values = &sketch.signature[start..start + params.rows];
            records.push((band_key(band, values), i as u32));
        }
        records.sort_unstable();
        for bucket in records.chunk_by(|x, y| x.0 == y.0) {
            let members = bucket.iter().map(|&(_, doc)| doc);
            if bucket.len() <= params.max_bucket {
                for (k, a) in members.clone().enumerate() {
                    for b in members.clone().skip(k + 1) {
                        pairs.push((a, b));
                    }
                }
            } else {
                let first = bucket[0].1;
                for w in bucket.windows(2) {
                    pairs.push((w[0].1, w[1].1));
                    if w[0].1 != first {
                        pairs.push((first, w[1].1));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The bucket key of one band: its index and values folded through
/// [`fmix64`]. Distinct value tuples collide with probability about 2⁻⁶⁴;
/// a collision only adds a candidate, which verification rejects.
fn band_key(band: usize, values: &[u32]) -> u64 {
    values.iter().fold(fmix64(band as u64 + 1), |h, &v| {
        fmix64(h ^ u64::from(v)).wrapping_add(0x9e37_79b9_7f4a_7c15)
    })
}

/// Disjoint sets over `0..n` with path compression and union by size.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] as usize != root {
            root = self.parent[root] as usize;
        }
        let mut node = x;
        while node != root {
            let next = self.parent[node] as usize;
            self.parent[node] = root as u32;
            node = next;
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if self.size[ra] < self.size[rb] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = ra as u32;
        self.size[ra] += self.size[rb];
    }

    /// The sets, each sorted, sorted by first member.
    fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut slot = vec![usize::MAX; n];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let root = self.find(i);
            if slot[root] == usize::MAX {
                slot[root] = groups.len();
                groups.push(Vec::new());
            }
            groups[slot[root]].push(i);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::minhash::tests::Rng;

    #[test]
    fn defaults_are_versioned_constants() {
        assert_eq!(FAMILIES_VERSION, 2);
        assert_eq!(minhash::SIGNATURE_VERSION, 1);
        let p = Params::default();
        assert_eq!((p.threshold, p.bands, p.rows), (0.5, 42, 3));
        assert!(p.bands * p.rows <= minhash::SIGNATURE_BINS);
    }

    /// The defaults are what the optimiser picks with false negatives
    /// weighted 4:1 (a false positive costs one exact Jaccard, a false
    /// negative a lost link).
    #[test]
    fn default_bands_come_from_the_optimiser() {
        assert_eq!(
            optimal_bands(BANDING_THRESHOLD, minhash::SIGNATURE_BINS, 0.2, 0.8),
            (DEFAULT_BANDS, DEFAULT_ROWS)
        );
    }

    /// Equal weights, as BigCode uses them. Expected values from an
    /// independent Python transcription of `optimal_param` (Simpson, 1,000
    /// intervals).
    #[test]
    fn optimiser_table() {
        for &(threshold, bins, expected) in &[
            (0.5, 128, (25, 5)),
            (0.5, 256, (42, 6)),
            (0.8, 128, (9, 13)),
            (0.8, 256, (17, 15)),
        ] {
            let (b, r) = optimal_bands(threshold, bins, 0.5, 0.5);
            assert_eq!((b, r), expected, "threshold {threshold}, K={bins}");
            assert!(b * r <= bins);
            // The S-curve rises through the threshold: mostly rejected
            // well below it, mostly accepted well above.
            assert!(candidate_probability(threshold - 0.2, b, r) < 0.1);
            assert!(candidate_probability((threshold + 0.15).min(0.99), b, r) > 0.9);
        }
    }

    #[test]
    fn candidate_probability_ends() {
        assert_eq!(candidate_probability(0.0, 42, 3), 0.0);
        assert_eq!(candidate_probability(1.0, 42, 3), 1.0);
        let p = candidate_probability(0.6, 42, 3);
        assert!(p > 0.9999, "{p}");
    }

    #[test]
    fn union_find_groups() {
        let mut uf = UnionFind::new(7);
        uf.union(5, 1);
        uf.union(3, 6);
        uf.union(1, 6);
        assert_eq!(
            uf.groups(),
            vec![vec![0], vec![1, 3, 5, 6], vec![2], vec![4]]
        );
    }

    #[test]
    fn no_documents_and_empty_documents() {
        assert_eq!(families(&[], &Params::default()), Families::default());
        let empty = Sketch::from_tokens(&[]);
        let f = families(&[&empty, &empty], &Params::default());
        assert_eq!(f.groups, vec![vec![0], vec![1]]);
        assert_eq!(f.candidate_pairs, 0);
    }

    /// Random-vocabulary token documents with planted families.
    struct Planted {
        docs: Vec<Vec<String>>,
        families: Vec<Vec<usize>>,
    }

    fn random_doc(rng: &mut Rng, len: usize, boilerplate: &[Vec<String>]) -> Vec<String> {
        let mut doc = Vec::with_capacity(len);
        while doc.len() < len {
            // About one sentence in ten is shared legal boilerplate.
            if rng.below(10) == 0 {
                doc.extend(boilerplate[rng.below(boilerplate.len())].iter().cloned());
            } else {
                for _ in 0..15 {
                    doc.push(format!("w{}", rng.below(20_000)));
                }
            }
        }
        doc
    }

    /// A copy with `share` of its tokens edited in runs of 5–30 tokens
    /// (clauses replaced, deleted or inserted), as templates are edited.
    fn mutate(rng: &mut Rng, doc: &[String], share: f64) -> Vec<String> {
        let mut out = doc.to_vec();
        let mut budget = (doc.len() as f64 * share) as usize;
        while budget > 0 {
            let run = (5 + rng.below(26)).min(budget);
            budget -= run;
            let at = rng.below(out.len().saturating_sub(run).max(1));
            let fresh: Vec<String> = (0..run)
                .map(|_| format!("m{}", rng.below(1 << 30)))
                .collect();
            match rng.below(3) {
                0 => {
                    out.splice(at..at + run, fresh);
                }
                1 => {
                    out.drain(at..at + run);
                }
                _ => {
                    out.splice(at..at, fresh);
                }
            }
        }
        out
    }

    fn planted(seed: u64, n: usize, families: usize) -> Planted {
        let mut rng = Rng(seed);
        let boilerplate: Vec<Vec<String>> = (0..40)
            .map(|k| (0..20).map(|t| format!("b{k}x{t}")).collect())
            .collect();
        let mut docs = Vec::new();
        let mut planted = Vec::new();
        for _ in 0..families {
            let len = 600 + rng.below(1200);
            let original = random_doc(&mut rng, len, &boilerplate);
            let copies = 1 + rng.below(5);
            let mut members = vec![docs.len()];
            docs.push(original.clone());
            for _ in 0..copies {
                let share = 0.05 + 0.15 * (rng.below(1000) as f64 / 1000.0);
                members.push(docs.len());
                docs.push(mutate(&mut rng, &original, share));
            }
            planted.push(members);
        }
        while docs.len() < n {
            let len = 50 + rng.below(1800);
            planted.push(vec![docs.len()]);
            docs.push(random_doc(&mut rng, len, &boilerplate));
        }
        // Shuffle so that families are not contiguous.
        let mut order: Vec<usize> = (0..docs.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut position = vec![0; docs.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        let docs = order.iter().map(|&old| docs[old].clone()).collect();
        let mut families: Vec<Vec<usize>> = planted
            .into_iter()
            .map(|g| {
                let mut g: Vec<usize> = g.into_iter().map(|i| position[i]).collect();
                g.sort_unstable();
                g
            })
            .collect();
        families.sort();
        Planted { docs, families }
    }

    fn sketch_all(docs: &[Vec<String>]) -> Vec<Sketch> {
        docs.iter()
            .map(|d| {
                let tokens: Vec<&str> = d.iter().map(String::as_str).collect();
                Sketch::from_tokens(&tokens)
            })
            .collect()
    }

    /// Pairwise F1 of a clustering against the truth.
    fn pair_f1(found: &[Vec<usize>], truth: &[Vec<usize>]) -> f64 {
        fn pairs(groups: &[Vec<usize>]) -> std::collections::BTreeSet<(usize, usize)> {
            let mut set = std::collections::BTreeSet::new();
            for g in groups {
                for (k, &a) in g.iter().enumerate() {
                    for &b in &g[k + 1..] {
                        set.insert((a.min(b), a.max(b)));
                    }
                }
            }
            set
        }
        let (f, t) = (pairs(found), pairs(truth));
        let tp = f.intersection(&t).count() as f64;
        if tp == 0.0 {
            return 0.0;
        }
        let (precision, recall) = (tp / f.len() as f64, tp / t.len() as f64);
        2.0 * precision * recall / (precision + recall)
    }

    #[test]
    fn planted_families_are_recovered_exactly() {
        for seed in [1, 2, 3] {
            let corpus = planted(seed, 300, 40);
            let sketches = sketch_all(&corpus.docs);
            let refs: Vec<&Sketch> = sketches.iter().collect();
            let found = families(&refs, &Params::default());
            assert_eq!(pair_f1(&found.groups, &corpus.families), 1.0, "seed {seed}");
            assert_eq!(found.groups, corpus.families, "seed {seed}");
            let all_pairs = 300 * 299 / 2;
            assert!(
                found.candidate_pairs * 50 < all_pairs,
                "seed {seed}: {} candidate pairs",
                found.candidate_pairs
            );
            // Links are sorted, a < b, and above the threshold.
            assert!(
                found
                    .links
                    .windows(2)
                    .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1))
            );
            assert!(found.links.iter().all(|&(a, b, s)| a < b && s >= 0.3));
            // A spanning forest: m − 1 links per group of m.
            let members: usize = found.groups.iter().map(|g| g.len() - 1).sum();
            assert_eq!(found.links.len(), members, "seed {seed}");
            // The copies really differ (weakest links were 0.49–0.54).
            let weakest = found.links.iter().map(|l| l.2).fold(1.0, f32::min);
            assert!(weakest < 0.7, "seed {seed}: weakest link {weakest}");
        }
    }

    #[test]
    fn shuffled_input_gives_the_same_families() {
        let corpus = planted(9, 200, 30);
        let sketches = sketch_all(&corpus.docs);
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let base = families(&refs, &Params::default());

        let mut rng = Rng(99);
        let mut order: Vec<usize> = (0..refs.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let shuffled: Vec<&Sketch> = order.iter().map(|&i| refs[i]).collect();
        let found = families(&shuffled, &Params::default());

        // Map the shuffled indices back to the original ones.
        let mut groups: Vec<Vec<usize>> = found
            .groups
            .iter()
            .map(|g| {
                let mut g: Vec<usize> = g.iter().map(|&i| order[i]).collect();
                g.sort_unstable();
                g
            })
            .collect();
        groups.sort();
        assert_eq!(groups, base.groups);
        let mut links: Vec<(usize, usize, f32)> = found
            .links
            .iter()
            .map(|&(a, b, s)| (order[a].min(order[b]), order[a].max(order[b]), s))
            .collect();
        links.sort_by_key(|x| (x.0, x.1));
        // Another order verifies other pairs, but the links are still a
        // spanning forest of the same groups, each at the threshold.
        assert_eq!(links.len(), base.links.len());
        assert!(links.iter().all(|l| l.2 >= 0.5));
        // And running twice gives byte-identical output.
        assert_eq!(families(&refs, &Params::default()), base);
    }

    /// Many identical documents land in one oversized bucket per band: the
    /// star/chain fallback keeps the work linear and the family whole.
    #[test]
    fn oversized_buckets_stay_linear() {
        let tokens: Vec<String> = (0..300).map(|i| format!("t{i}")).collect();
        let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let sketch = Sketch::from_tokens(&tokens);
        let other = Sketch::from_tokens(&["something", "else", "entirely", "here", "now", "ok"]);
        let mut refs: Vec<&Sketch> = vec![&sketch; 500];
        refs.insert(250, &other);
        let found = families(&refs, &Params::default());
        assert_eq!(found.groups.len(), 2);
        assert_eq!(found.groups[0].len(), 500);
        assert_eq!(found.groups[1], vec![250]);
        assert!(found.candidate_pairs < 2 * 500, "{}", found.candidate_pairs);
    }

    #[test]
    fn threshold_is_inclusive_and_respected() {
        let a = Sketch::from_shingles((0..400).collect());
        let c = Sketch::from_shingles((100..500).collect());
        let p = Params {
            threshold: 0.6,
            ..Params::default()
        };
        // J(a, c) = 300 / 500 = 0.6.
        let found = families(&[&a, &c], &p);
        assert_eq!(found.groups, vec![vec![0, 1]]);
        assert_eq!(found.links, vec![(0, 1, 0.6)]);
        let strict = Params {
            threshold: 0.61,
            ..Params::default()
        };
        assert_eq!(families(&[&a, &c], &strict).groups, vec![vec![0], vec![1]]);
    }
}
