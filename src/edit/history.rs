//! One undo/redo history for a document. Each step is a transaction with the
//! operations that redo it and those that undo it; a failed transaction is
//! rolled back and leaves no step.

use super::{EditError, Op, Reach, Transaction};
use crate::model::Map;

#[derive(Clone, Debug)]
struct Step {
    label: String,
    redo: Vec<Op>,
    undo: Vec<Op>,
    /// Identifies the state after this step, for the unsaved-changes mark.
    serial: u64,
    /// Steps of one continuing gesture (a drag) share a key and merge.
    gesture: Option<u64>,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    next_serial: u64,
    /// The serial of the state last saved (0: the state the document opened in).
    saved_serial: u64,
    /// How far the last change applied, undone or redone reached.
    last_reach: Reach,
}

/// Applies `ops` in order; on failure undoes what was applied and reports why.
/// Returns the inverse operations, in the order they must be applied, and how far the change reached.
fn apply_all(map: &mut Map, ops: Vec<Op>) -> Result<(Vec<Op>, Reach), EditError> {
    let mut inverse = Vec::with_capacity(ops.len());
    let mut reach = Reach::default();
    for op in ops {
        reach.add(&op, map);
        match op.apply(map) {
            Ok(undo) => inverse.push(undo),
            Err(error) => {
                for undo in inverse.into_iter().rev() {
                    // Inverses of operations that just succeeded always fit.
                    let _ = undo.apply(map);
                }
                return Err(error);
            }
        }
    }
    inverse.reverse();
    Ok((inverse, reach))
}

impl History {
    /// Applies `transaction` to `map` and records it; clears what could be redone.
    pub fn apply(&mut self, map: &mut Map, transaction: Transaction) -> Result<(), EditError> {
        if transaction.is_empty() {
            return Ok(());
        }
        let redo = transaction.ops.clone();
        let (undo, reach) = apply_all(map, transaction.ops)?;
        self.last_reach = reach;
        self.next_serial += 1;
        self.done.push(Step { label: transaction.label, redo, undo, serial: self.next_serial, gesture: None });
        self.undone.clear();
        Ok(())
    }

    /// Like [`History::apply`], but a transaction of the same `gesture` as the
    /// last step merges into it: the step then undoes to the state before the
    /// gesture began and redoes to the latest state. The transactions of one
    /// gesture must touch the same items (as every frame of a drag does).
    pub fn apply_merging(&mut self, map: &mut Map, transaction: Transaction, gesture: u64) -> Result<(), EditError> {
        let continues = self.undone.is_empty() && self.done.last().is_some_and(|step| step.gesture == Some(gesture));
        if !continues {
            self.apply(map, transaction)?;
            if let Some(step) = self.done.last_mut() {
                step.gesture = Some(gesture);
            }
            return Ok(());
        }
        let redo = transaction.ops.clone();
        self.last_reach = apply_all(map, transaction.ops)?.1;
        if let Some(step) = self.done.last_mut() {
            step.redo = redo;
            step.label = transaction.label;
            self.next_serial += 1;
            step.serial = self.next_serial;
        }
        Ok(())
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self, map: &mut Map) -> Result<Option<String>, EditError> {
        let Some(step) = self.done.pop() else { return Ok(None) };
        match apply_all(map, step.undo.clone()) {
            Ok((_, reach)) => self.last_reach = reach,
            Err(error) => {
                self.done.push(step);
                return Err(error);
            }
        }
        let label = step.label.clone();
        self.undone.push(step);
        Ok(Some(label))
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, map: &mut Map) -> Result<Option<String>, EditError> {
        let Some(step) = self.undone.pop() else { return Ok(None) };
        match apply_all(map, step.redo.clone()) {
            Ok((_, reach)) => self.last_reach = reach,
            Err(error) => {
                self.undone.push(step);
                return Err(error);
            }
        }
        let label = step.label.clone();
        self.done.push(step);
        Ok(Some(label))
    }

    /// How far the last change applied, undone or redone reached into the
    /// map's lists (none, before the first).
    pub fn last_reach(&self) -> &Reach {
        &self.last_reach
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.done.last().map(|step| step.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.undone.last().map(|step| step.label.as_str())
    }

    fn current_serial(&self) -> u64 {
        self.done.last().map_or(0, |step| step.serial)
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved_serial = self.current_serial();
    }

    /// Whether the map differs from the state last saved (or opened).
    pub fn has_unsaved_changes(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    /// Forgets every step (after opening another document).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
