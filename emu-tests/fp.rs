//! FP edge values.
