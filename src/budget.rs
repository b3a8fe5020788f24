//! The time budget of one document's analysis: a deadline, checked where
//! the work is (between the stages of [`crate::analyze_within`], between
//! PDF pages, and every few thousand operators of a page's content), so a
//! document that runs past it fails with [`Limit::Time`] while the audit
//! goes on. No thread or timer is started: nothing is left running when a
//! document is abandoned.
//!
//! A document that meets the budget is unaffected by it, so results stay a
//! pure function of the input; only a document near the limit could fail
//! on a slower machine, and such a document is pathological (the corpus's
//! policies take well under a second each).

use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind, Limit, Result};

/// The default budget per document, in seconds.
pub const DEFAULT_SECONDS: u64 = 60;

/// A deadline for one document.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    deadline: Option<Instant>,
    seconds: u64,
}

impl Default for Budget {
    /// [`DEFAULT_SECONDS`] from now.
    fn default() -> Budget {
        Budget::seconds(DEFAULT_SECONDS)
    }
}

impl Budget {
    /// `seconds` from now.
    pub fn seconds(seconds: u64) -> Budget {
        Budget {
            deadline: Instant::now().checked_add(Duration::from_secs(seconds)),
            seconds,
        }
    }

    /// No deadline.
    pub fn unlimited() -> Budget {
        Budget {
            deadline: None,
            seconds: 0,
        }
    }

    /// The same budget with its deadline moved `by` later: time spent
    /// waiting on OCR, which has its own per-page timeout, is not counted
    /// against the analysis.
    pub fn extended(&self, by: Duration) -> Budget {
        Budget {
            deadline: self.deadline.and_then(|d| d.checked_add(by)),
            seconds: self.seconds,
        }
    }

    /// Whether the deadline has passed.
    pub fn exceeded(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    /// The error for `name` when the deadline has passed.
    pub fn check(&self, name: &str) -> Result<()> {
        if self.exceeded() {
            return Err(self.error(name));
        }
        Ok(())
    }

    /// The error for `name` that the deadline passed.
    pub fn error(&self, name: &str) -> Error {
        Error::new(name, ErrorKind::Limit(self.limit()))
    }

    /// The bound this budget is.
    pub fn limit(&self) -> Limit {
        Limit::Time(self.seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_deadline_is_a_time_limit_error() {
        assert!(Budget::unlimited().check("a").is_ok());
        assert!(Budget::seconds(3600).check("a").is_ok());
        let err = Budget::seconds(0).check("a.txt").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Limit(Limit::Time(0)));
        assert_eq!(
            err.to_string(),
            "a.txt: too much work for one document: the analysis ran past its time budget of 0 s"
        );
    }
}
