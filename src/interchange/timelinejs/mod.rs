//! TimelineJS3 JSON: its schema (`schema`), shared by the reader (`read`,
//! with `dates`, `html` and `places`) and the writer (`write`).

mod dates;
mod html;
mod places;
pub(crate) mod read;
mod schema;
pub(crate) mod write;
