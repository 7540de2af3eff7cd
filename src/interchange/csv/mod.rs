//! CSV of events (RFC 4180), one row each: the columns both sides name, the
//! reader (`read`, as spreadsheets save it) and the writer (`write`).

pub(crate) mod read;
pub(crate) mod write;

/// The columns, in the order the writer puts them; the reader takes them in any order.
pub const COLUMNS: [&str; 9] = ["id", "date", "end", "precision", "lane", "title", "detail", "tags", "sources"];
