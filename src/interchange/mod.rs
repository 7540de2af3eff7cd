//! One folder per foreign format: its schema, its reader and its writer, so
//! that a format's vocabulary lives in one place; `import` and `export`
//! dispatch here.

pub mod aif;
pub mod argdown;
