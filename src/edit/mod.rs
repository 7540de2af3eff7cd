//! Every change to a map, as data: primitive [`Op`]s that return their own
//! inverse when applied, grouped into named [`Transaction`]s ("Move 3 claims")
//! by the builders in [`commands`], and kept in one undo/redo [`History`].
//! The UI changes a map only through here, so that undo, the unsaved-changes
//! mark and autosave stay right. No egui.

pub mod bulk;
pub mod catalogue;
pub mod citing;
pub mod clipboard;
pub mod commands;
pub mod gestures;
mod history;
mod op;
mod reach;

pub use history::History;
pub use op::{EditError, Item, ItemKind, Op};
pub use reach::Reach;

/// A named group of operations that the user sees as one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Transaction {
    pub label: String,
    pub ops: Vec<Op>,
}

impl Transaction {
    pub fn new(label: impl Into<String>, ops: Vec<Op>) -> Self {
        Self { label: label.into(), ops }
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The first rule `map` would break once this transaction is applied (it
    /// is tried on a copy), for commands built from data that may not fit.
    pub fn first_problem_on(
        &self,
        map: &crate::model::Map,
    ) -> Result<Option<crate::model::validate::Problem>, EditError> {
        let mut trial = map.clone();
        for op in self.ops.clone() {
            op.apply(&mut trial)?;
        }
        Ok(crate::model::validate::validate(&trial).into_iter().next())
    }
}
