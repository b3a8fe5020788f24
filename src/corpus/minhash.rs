//! Shingles and MinHash signatures: the resemblance of two documents as
//! the Jaccard similarity of their sets of word n-grams (Broder 1997, "On
//! the resemblance and containment of documents"), estimated from a
//! fixed-size signature computed by one-permutation hashing with optimal
//! densification (Shrivastava 2017, "Optimal densification for fast and
//! accurate minwise hashing", ICML).
//!
//! Everything here is a pure function of its input. Hashes are written out
//! in this file (FNV-1a-64 and the murmur3 `fmix64` finaliser) with fixed
//! seeds; nothing depends on `std`'s randomly seeded hashers, the platform,
//! the Rust version or the thread count. A signature is therefore a stable,
//! shareable artefact, identified by [`SIGNATURE_VERSION`].
//!
//! # The signature, version 1, exactly
//!
//! Another implementation reproduces a version-1 signature as follows (all
//! arithmetic on unsigned 64-bit integers, wrapping):
//!
//! 1. **Tokens** are whatever the caller passes (normalised words of one
//!    language; see `families` for what to normalise).
//! 2. **Token hash** [`hash_token`]: `h = 0xcbf29ce484222325`; for every
//!    byte `c` of the token's UTF-8 encoding `h = (h ^ c) * 0x100000001b3`,
//!    then the terminator byte `0xFF` (which never occurs in UTF-8) the
//!    same way (FNV-1a-64); finally `fmix64(h)` where `fmix64(x)`:
//!    `x ^= x >> 33; x *= 0xff51afd7ed558ccd; x ^= x >> 33;
//!    x *= 0xc4ceb9fe1a85ec53; x ^= x >> 33`.
//!    **Token-sequence hash** [`hash_tokens`]: `h = SEQUENCE_SEED =
//!    0x2545f4914f6cdd1d`; for every token in order,
//!    `h = fmix64(h ^ hash_token(token))`.
//! 3. **Shingles** [`shingles`]: for every window of [`SHINGLE_SIZE`] = 5
//!    consecutive tokens, `(hash_tokens(window) >> 32) as u32`; a document of
//!    1–4 tokens has one shingle, the hash of all its tokens; no tokens, no
//!    shingles. The set is sorted ascending and deduplicated. (Each token is
//!    hashed once and each window folds five 64-bit values, so shingling
//!    costs about one pass over the bytes, not five.)
//! 4. **One-permutation hashing** [`signature`] with `K` = [`SIGNATURE_BINS`]
//!    = 128 bins (`K` a power of two, `B = log2 K` = 7): for each shingle
//!    `s`, `h = fmix64(s ^ OPH_SEED)` with `OPH_SEED = 0x9e3779b97f4a7c15`;
//!    its bin is `h >> (64 - B)` and its value `h & 0xffff_ffff`; each bin
//!    keeps the smallest value that falls in it.
//! 5. **Optimal densification**: for every empty bin `j` (in any order: the
//!    rule reads only bins that were filled in step 4), for
//!    `attempt = 1, 2, …`: `t = fmix64(DENSIFY_SEED ^ (j << 32) ^ attempt)`
//!    with `DENSIFY_SEED = 0xd1b54a32d192ed03`, candidate bin
//!    `c = t >> (64 - B)`; the first `c` that was filled in step 4 gives its
//!    value to bin `j`. After `64·K` attempts without success (probability
//!    below `e^-64` even with a single filled bin) the first filled bin at or
//!    after `j`, cyclically, is used instead. An empty shingle set has the
//!    signature of `K` times `u32::MAX`.
//!
//! # Why n = 5 and K = 128
//!
//! * **n = 5 words.** Text-dedup tools use 5-word shingles; Manning et al.
//!   (IR book, ch. 19) call 4 typical. Our documents are long (2–5k words
//!   per language) and legal prose is formulaic: with shorter shingles,
//!   unrelated policies on the same law share more of their boilerplate
//!   phrases (measured on the corpus by `examples/shingle_sim.rs`: see
//!   `families`). With 5, one changed word breaks at most 5 shingles, so a
//!   template copy with a few clauses changed keeps most of its set.
//!   Names, contacts and numbers should be normalised away before
//!   shingling, because a scattered edit costs n shingles.
//! * **K = 128 bins.** The signature only proposes candidates; every
//!   candidate pair is then verified by exact Jaccard over the shingle sets,
//!   so estimate precision (standard error ≈ `1/√K` ≈ 0.09) matters less
//!   than the sharpness of the banding curve, and 128 rows allow a band
//!   layout whose curve rises steeply around our threshold (see
//!   `families::optimal_bands`). One-permutation hashing costs one hash per
//!   shingle whatever `K`, so `K` only sets memory (512 bytes a document)
//!   and banding work. Text-dedup tools use 128–256.
//!
//! # Why 32-bit shingles
//!
//! Shingle hashes are truncated to 32 bits to halve memory (a 2,500-word
//! document: 10 KB instead of 20 KB). The price is collisions: two distinct
//! shingles collide with probability 2⁻³², so two unrelated documents of
//! 2,500 shingles each share about `2500² / 2³²` ≈ 0.0015 spurious
//! shingles, which moves their Jaccard by about 10⁻⁶; within one document,
//! the expected number of merged shingles is about 0.0007. Both are far
//! below anything a threshold can see.

/// The version of the signature defined in this module's documentation.
/// Change it whenever [`SHINGLE_SIZE`], [`SIGNATURE_BINS`], a hash, a seed
/// or the densification rule changes: signatures of different versions
/// must never be compared.
pub const SIGNATURE_VERSION: u32 = 1;

/// Words per shingle (n). See the module documentation for the choice.
pub const SHINGLE_SIZE: usize = 5;

/// Bins (hash values) per signature (K); a power of two.
pub const SIGNATURE_BINS: usize = 128;

/// The seed of the one-permutation hash (step 4 of the specification).
const OPH_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// The seed of the densification probe sequence (step 5).
const DENSIFY_SEED: u64 = 0xd1b5_4a32_d192_ed03;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The byte hashed after every token's bytes; `0xFF` never occurs in
/// UTF-8.
const TOKEN_TERMINATOR: u8 = 0xFF;

/// The start of the token-sequence hash (step 2 of the specification).
const SEQUENCE_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// The murmur3 64-bit finaliser (`fmix64`): a bijection on `u64` that mixes
/// every input bit into every output bit.
#[inline]
pub fn fmix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// The stable 64-bit hash of one token: FNV-1a-64 over its UTF-8 bytes and
/// a terminating `0xFF`, finalised with [`fmix64`].
#[inline]
pub fn hash_token(token: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for &byte in token.as_bytes() {
        h = (h ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
    }
    h = (h ^ u64::from(TOKEN_TERMINATOR)).wrapping_mul(FNV_PRIME);
    fmix64(h)
}

/// The stable 64-bit hash of a token sequence: starting from
/// `SEQUENCE_SEED`, each token's [`hash_token`] is XORed in and mixed with
/// [`fmix64`], so order and token boundaries matter.
///
/// The same tokens give the same hash on every machine and Rust version;
/// the empty sequence hashes to `0x2545f4914f6cdd1d`.
pub fn hash_tokens(tokens: &[&str]) -> u64 {
    fold_token_hashes(tokens.iter().map(|t| hash_token(t)))
}

#[inline]
fn fold_token_hashes(hashes: impl IntoIterator<Item = u64>) -> u64 {
    hashes.into_iter().fold(SEQUENCE_SEED, |h, t| fmix64(h ^ t))
}

/// The set of hashed word `n`-grams of `tokens`: for every window of `n`
/// consecutive tokens, the top 32 bits of [`hash_tokens`] of the window.
///
/// Shape: sorted ascending, without duplicates (a set). A document with
/// fewer than `n` tokens (but at least one) has one shingle, the hash of
/// all its tokens; no tokens give no shingles. `n` = 0 is treated as 1.
pub fn shingles(tokens: &[&str], n: usize) -> Vec<u32> {
    let n = n.max(1);
    if tokens.is_empty() {
        return Vec::new();
    }
    let hashes: Vec<u64> = tokens.iter().map(|t| hash_token(t)).collect();
    let mut out: Vec<u32> = if hashes.len() < n {
        vec![shingle_hash(&hashes)]
    } else {
        hashes.windows(n).map(shingle_hash).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The shingle of a window, given its tokens' [`hash_token`] values.
#[inline]
fn shingle_hash(window: &[u64]) -> u32 {
    (fold_token_hashes(window.iter().copied()) >> 32) as u32
}

/// The version-1 MinHash signature of a shingle set: [`SIGNATURE_BINS`]
/// values, computed as specified in the module documentation.
pub fn signature(shingles: &[u32]) -> Vec<u32> {
    signature_with_bins(shingles, SIGNATURE_BINS)
}

/// A MinHash signature of `bins` values by one-permutation hashing with
/// optimal densification (Shrivastava 2017), with the seeds of version 1.
/// Only `bins` == [`SIGNATURE_BINS`] gives a version-1 signature; other
/// sizes are for experiments.
///
/// `shingles` need not be sorted; duplicates do not matter. Two signatures
/// agree in a given bin with probability equal to the Jaccard similarity
/// of the two sets (exactly so for bins filled directly; densified bins
/// copy a filled bin chosen by a probe sequence that depends only on the
/// bin index, which keeps the estimator unbiased).
///
/// # Panics
///
/// If `bins` is not a power of two between 2 and 2³¹.
pub fn signature_with_bins(shingles: &[u32], bins: usize) -> Vec<u32> {
    assert!(
        bins.is_power_of_two() && (2..=1 << 31).contains(&bins),
        "signature bins must be a power of two in 2..=2^31, got {bins}"
    );
    let bits = bins.trailing_zeros();
    let mut values = vec![u32::MAX; bins];
    let mut filled = vec![false; bins];
    for &s in shingles {
        let h = fmix64(u64::from(s) ^ OPH_SEED);
        let bin = (h >> (64 - bits)) as usize;
        let value = h as u32;
        if !filled[bin] || value < values[bin] {
            values[bin] = value;
            filled[bin] = true;
        }
    }
    if shingles.is_empty() {
        return values;
    }
    let direct = values.clone();
    for j in 0..bins {
        if filled[j] {
            continue;
        }
        values[j] = direct[densify_source(j, &filled, bits)];
    }
    values
}

/// The filled bin whose value an empty bin `j` takes (step 5 of the
/// specification). `filled` has at least one `true`.
fn densify_source(j: usize, filled: &[bool], bits: u32) -> usize {
    let bins = filled.len();
    let max_attempts = 64 * bins as u64;
    for attempt in 1..=max_attempts {
        let t = fmix64(DENSIFY_SEED ^ ((j as u64) << 32) ^ attempt);
        let candidate = (t >> (64 - bits)) as usize;
        if filled[candidate] {
            return candidate;
        }
    }
    (0..bins)
        .map(|step| (j + step) % bins)
        .find(|&c| filled[c])
        .expect("a signature of a non-empty set has a filled bin")
}

/// The MinHash estimate of the Jaccard similarity: the share of bins in
/// which the two signatures agree, in [0, 1].
///
/// # Panics
///
/// If the signatures differ in length or are empty.
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    assert_eq!(a.len(), b.len(), "signatures of different sizes");
    assert!(!a.is_empty(), "empty signatures");
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len() as f64
}

/// The size of the intersection of two sorted, deduplicated sets (a merge
/// walk, O(|a| + |b|)).
pub fn intersection_size(a: &[u32], b: &[u32]) -> usize {
    // Branch-free steps: on two random sets the comparison is a coin toss,
    // and a mispredicted branch per element costs more than the walk.
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    common
}

/// The exact Jaccard similarity |A∩B| / |A∪B| of two sorted, deduplicated
/// sets (as [`shingles`] returns them), in [0, 1]. Two empty sets have
/// similarity 0: an empty document is evidence of no template.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let common = intersection_size(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// The containment |A∩B| / min(|A|, |B|) of two sorted, deduplicated sets,
/// in [0, 1]: 1 when the smaller set lies inside the larger one (a short
/// policy cut out of a template). 0 if either set is empty.
pub fn containment(a: &[u32], b: &[u32]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        0.0
    } else {
        intersection_size(a, b) as f64 / smaller as f64
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small deterministic generator for tests (SplitMix64), shared with
    /// the family tests.
    pub(crate) struct Rng(pub(crate) u64);
    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            fmix64(self.0)
        }
        pub(crate) fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Two random shingle sets of `size` that share their first `shared`
    /// values, sorted (duplicates kept: the callers dedup when they need).
    fn pair(rng: &mut Rng, size: usize, shared: usize) -> (Vec<u32>, Vec<u32>) {
        let common: Vec<u32> = (0..shared).map(|_| rng.next() as u32).collect();
        let mut a = common.clone();
        let mut b = common;
        a.extend((shared..size).map(|_| rng.next() as u32));
        b.extend((shared..size).map(|_| rng.next() as u32));
        a.sort_unstable();
        b.sort_unstable();
        (a, b)
    }

    #[test]
    fn fmix64_known_values() {
        // Reference values of MurmurHash3's fmix64.
        assert_eq!(fmix64(0), 0);
        assert_eq!(fmix64(1), 0xb456_bcfc_34c2_cb2c);
    }

    #[test]
    fn token_hash_is_stable() {
        // Fixed inputs, fixed outputs: these constants are part of
        // signature version 1 and must never change under it. They were
        // computed by an independent Python transcription of the
        // specification in the module documentation.
        assert_eq!(SIGNATURE_VERSION, 1);
        assert_eq!(hash_tokens(&[]), SEQUENCE_SEED);
        assert_eq!(hash_token(""), 0x1bbd_5c81_3c69_a8d7);
        assert_eq!(hash_tokens(&["жеке", "деректер"]), 0x0f22_3062_9500_0d72);
        assert_eq!(
            hash_tokens(&["персональные", "данные"]),
            0x8b80_db13_218d_d908
        );
    }

    #[test]
    fn token_boundaries_matter() {
        assert_ne!(hash_tokens(&["ab", "c"]), hash_tokens(&["a", "bc"]));
        assert_ne!(hash_tokens(&["a", ""]), hash_tokens(&["a"]));
    }

    #[test]
    fn shingles_are_a_sorted_set() {
        let tokens: Vec<&str> = "a b c d e a b c d e a b c d e".split(' ').collect();
        let s = shingles(&tokens, 5);
        // Five distinct windows: abcde, bcdea, cdeab, deabc, eabcd.
        assert_eq!(s.len(), 5);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        // The fast path (tokens hashed once) agrees with the specification.
        for window in tokens.windows(5) {
            assert!(s.contains(&((hash_tokens(window) >> 32) as u32)));
        }
    }

    #[test]
    fn short_documents_have_one_shingle() {
        let whole = (hash_tokens(&["a", "b"]) >> 32) as u32;
        assert_eq!(shingles(&["a", "b"], 5), vec![whole]);
        assert!(shingles(&[], 5).is_empty());
        assert_eq!(shingles(&["a", "b"], 0).len(), 2);
    }

    #[test]
    fn signature_is_stable() {
        let tokens: Vec<&str> =
            "бұл саясат жеке деректерді жинау өңдеу және қорғау тәртібін анықтайды"
                .split(' ')
                .collect();
        let sig = signature(&shingles(&tokens, SHINGLE_SIZE));
        assert_eq!(sig.len(), SIGNATURE_BINS);
        let digest = hash_signature(&sig);
        assert_eq!(
            digest, 0xea44_78a8_dc91_7673,
            "signature version {SIGNATURE_VERSION} changed"
        );
    }

    fn hash_signature(sig: &[u32]) -> u64 {
        sig.iter()
            .fold(FNV_OFFSET, |h, &v| fmix64(h ^ u64::from(v)))
    }

    #[test]
    fn empty_set_signature() {
        assert_eq!(signature(&[]), vec![u32::MAX; SIGNATURE_BINS]);
    }

    #[test]
    fn densification_fills_every_bin_from_a_filled_one() {
        let one = [42u32];
        let sig = signature_with_bins(&one, 64);
        assert!(sig.iter().all(|&v| v == sig[0]));
        let few: Vec<u32> = (0..10).collect();
        let sig = signature_with_bins(&few, 64);
        let direct: std::collections::BTreeSet<u32> = few
            .iter()
            .map(|&s| fmix64(u64::from(s) ^ OPH_SEED) as u32)
            .collect();
        assert!(sig.iter().all(|v| direct.contains(v)));
    }

    #[test]
    fn identical_sets_have_identical_signatures() {
        let a: Vec<u32> = (0..300).map(|i| i * 7).collect();
        let mut b = a.clone();
        b.reverse();
        assert_eq!(signature(&a), signature(&b));
        assert_eq!(estimate(&signature(&a), &signature(&b)), 1.0);
    }

    #[test]
    fn exact_measures() {
        let a = [1, 2, 3, 4];
        let b = [3, 4, 5, 6, 7, 8];
        assert_eq!(intersection_size(&a, &b), 2);
        assert_eq!(jaccard(&a, &b), 2.0 / 8.0);
        assert_eq!(containment(&a, &b), 0.5);
        assert_eq!(containment(&[3, 4], &b), 1.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(containment(&[], &b), 0.0);
        assert_eq!(jaccard(&a, &a), 1.0);
    }

    /// Random sets with a planted overlap: the estimate stays within
    /// 3/√K of the exact Jaccard, for long sets and for short ones (where
    /// most bins are densified).
    #[test]
    fn estimate_tracks_exact_jaccard() {
        let mut rng = Rng(7);
        for &bins in &[64usize, 128, 256] {
            let tolerance = 3.0 / (bins as f64).sqrt();
            for &(size, shared_share) in &[
                (2500usize, 0.9),
                (2500, 0.6),
                (2500, 0.2),
                (800, 0.5),
                (40, 0.7),
                (10, 0.5),
            ] {
                let shared = (size as f64 * shared_share) as usize;
                let (mut a, mut b) = pair(&mut rng, size, shared);
                a.dedup();
                b.dedup();
                let exact = jaccard(&a, &b);
                let est = estimate(
                    &signature_with_bins(&a, bins),
                    &signature_with_bins(&b, bins),
                );
                assert!(
                    (est - exact).abs() <= tolerance,
                    "K={bins} size={size}: estimate {est} vs exact {exact}"
                );
            }
        }
    }

    /// Averaged over many pairs, the estimator is unbiased, also when most
    /// bins are densified.
    #[test]
    fn estimate_is_unbiased_on_average() {
        let mut rng = Rng(11);
        for &size in &[2000usize, 30] {
            let mut err = 0.0;
            let trials = 200;
            for _ in 0..trials {
                let (a, b) = pair(&mut rng, size, size / 2);
                err += estimate(&signature(&a), &signature(&b)) - jaccard(&a, &b);
            }
            let bias = err / trials as f64;
            assert!(bias.abs() < 0.02, "size {size}: mean error {bias}");
        }
    }
}
