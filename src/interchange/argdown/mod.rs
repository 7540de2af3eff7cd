//! Argdown, the language of the Argdown tools: its reader ([`import`]: the
//! source's lines, the text of statements, YAML front matter and data, the
//! parse, and the links the relations and premise–conclusion structures make)
//! and its writer ([`render`]), which share the names of kinds and the data
//! keys Argline writes. `import::import` and `export::export` dispatch here.

mod links;
mod parse;
mod read;
mod source;
mod text;
mod write;
mod yaml;

pub use read::import;
pub(crate) use write::inference_links;
pub use write::render;
