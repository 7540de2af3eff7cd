//! The window's tests: one binary, each file a module. Most drive the real app
//! with egui_kittest, built as eframe builds it ([`harness`]); `recovery` and
//! `disk_changes` start the real window on a display of its own.

mod analysis;
mod closing;
mod compare;
mod disk_changes;
mod editing;
mod files;
mod harness;
mod inspector;
mod interchange;
mod matrix;
mod merge_panel;
mod reader;
mod recovery;
mod selecting;
mod snapshots;
mod story;
mod teaching;
mod timeline_clusters;
mod timeline_editing;
mod timeline_labels;
mod window;
