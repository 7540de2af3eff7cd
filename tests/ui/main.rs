//! The window's tests: one binary, each file a module. Most drive the real app
//! with egui_kittest, built as eframe builds it ([`harness`]); `recovery` starts
//! the real window on a display of its own.

mod analysis;
mod closing;
mod editing;
mod files;
mod harness;
mod inspector;
mod interchange;
mod matrix;
mod reader;
mod recovery;
mod selecting;
mod snapshots;
mod story;
mod timeline_clusters;
mod timeline_editing;
mod window;
