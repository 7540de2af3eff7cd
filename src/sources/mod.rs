//! Source texts attached to a map, where its quotes stand in them, and the
//! quote check. Plain Rust, no egui: the window's reader and `argline quotes`
//! both stand on it.
//!
//! - [`read`]: a text file (plain, Markdown or HTML) read as the words it says,
//!   refused clearly when it is too big or not UTF-8.
//! - [`SourceText`]: that text with its hash, addressed by character offsets.
//! - [`check`]: each citation against its text — exact, relocated, changed
//!   (with a word-by-word diff), not found, or without a text.
//! - [`library`]: finding a map's texts beside it or in a folder the user names.
//! - [`attach`]: which file of a folder is which source, and the anchors its
//!   quotes gain (found by exact match; several matches reported, never guessed).

pub mod attach;
pub mod check;
mod diff;
pub mod library;
pub mod read;
mod text;

pub use check::{CitationCheck, QuoteCheck, QuoteStatus, Tally, check_map, check_quote};
pub use diff::{DiffPart, WordDiff};
pub use library::{LoadedTexts, TextPlace};
pub use read::{MAX_TEXT_BYTES, TextError, read_text_file};
pub use text::{CONTEXT_CHARS, SourceText};
