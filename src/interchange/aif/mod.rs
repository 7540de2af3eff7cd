//! The Argument Interchange Format, in JSON: its shapes as OVA, xAIF and
//! AIFdb write them ([`schema`], with the node types and scheme names), the
//! analysed text with its spans ([`text`]), the reader ([`import`]: graph,
//! dialogue and links), an AIFdb corpus as one map ([`import_corpus`]) and the
//! writer ([`render`]). `import::import` and
//! `export::export` dispatch here.

mod corpus;
mod links;
mod quotes;
mod read;
pub mod schema;
mod text;
mod write;

pub use corpus::{CorpusError, CorpusFile, import_corpus};
pub use read::import;
pub use write::render;
