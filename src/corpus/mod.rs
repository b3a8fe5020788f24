//! The corpus: the parallel audit of a folder ([`audit`]: walk, manifest,
//! one analysis per file, errors recorded and the run goes on), and the
//! cross-document comparison ([`compare`]: counts, the rights matrix and
//! template families), a pure function of the analysed documents. Family
//! detection is [`sketch`] (per document: normalised shingles and MinHash,
//! [`minhash`]) then [`families`] (LSH banding, exact Jaccard, union-find).

pub mod audit;
pub mod compare;
pub mod deviation;
pub mod families;
pub mod history;
pub mod minhash;
pub mod pairs;
pub mod record;
pub mod sketch;
pub mod template;
pub mod walk;

pub use audit::{
    Audit, INPUT_EXTENSIONS, Manifest, ManifestEntry, audit, declared_languages, inputs,
    read_records, read_records_from, records, sketch_paths,
};
pub use walk::{Skip, WalkOptions, Walked, walk};
