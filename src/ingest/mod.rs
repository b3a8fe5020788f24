//! Input formats to blocks.

pub mod pdf;
