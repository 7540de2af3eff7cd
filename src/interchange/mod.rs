//! One home per foreign format: what its reader and its writer share (the
//! schema, the names of its columns and kinds) beside the reader and the
//! writer themselves. `import::import` and `export::export` dispatch here.

pub mod aif;
pub mod argdown;
pub(crate) mod csv;
pub(crate) mod kialo;
pub(crate) mod timelinejs;
