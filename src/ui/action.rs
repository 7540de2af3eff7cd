//! What the views ask the app to do. During the UI pass every view — menus,
//! toolbar, map, timeline, inspector, matrix, find panel, story panel, the
//! presenter and the dialogs — pushes payload-carrying [`Action`]s onto one
//! [`Actions`] queue; after the pass the app runs them, in order, in one
//! place (`app::handling`). A view never changes the document or the
//! selection itself.

use super::commands::Command;
use super::disk_dialog::DiskChoice;
use super::files::{Purpose, Then};
use super::prefs::ThemeChoice;
use super::selection::Origin;
use crate::analysis::Rating;
use crate::edit::Transaction;
use crate::edit::citing::Passage;
use crate::export::Format;
use crate::import::ImportFormat;
use crate::model::{
    ClaimId, Date, EventId, ItemRef, LaneId, Level, LinkFrom, LinkTo, Position, Relation, StoryStep, Strength,
};
use crate::vcs::Side;
use chrono::NaiveDate;
use std::path::PathBuf;

/// One thing a user asked for this frame.
#[derive(Clone, Debug)]
pub enum Action {
    /// A menu command or keyboard shortcut.
    Command(Command),

    // Selecting.
    /// Select `item` alone; the views other than `origin` bring it into view.
    Select {
        item: ItemRef,
        origin: Origin,
    },
    /// Add `item` to the selection, or take it out (Shift/Ctrl-click).
    ToggleSelected(ItemRef),
    /// Select `items`, added to the selection when `extend` (a box drawn on the map).
    SelectMany {
        items: Vec<ItemRef>,
        extend: bool,
        origin: Origin,
    },

    // Editing the map: each one undo step, or part of the `gesture` it names.
    /// An edit made in the inspector; typing in one field is one `gesture`.
    Apply {
        transaction: Transaction,
        gesture: Option<u64>,
    },
    /// Move claims to new positions (a drag, or arrow keys).
    MoveClaims {
        moves: Vec<(ClaimId, Position)>,
        gesture: u64,
    },
    /// Add a claim with `text` at `position`, and select it.
    AddClaim {
        position: Position,
        text: String,
    },
    /// Add a link drawn between two items, and select it.
    AddLink {
        from: LinkFrom,
        to: LinkTo,
        relation: Relation,
    },
    /// Add an event titled `title` on `lane` at `date`, and select it.
    AddEvent {
        lane: LaneId,
        date: Date,
        title: String,
    },
    /// Give an event new dates (a drag on the timeline).
    MoveEvent {
        id: EventId,
        date: Date,
        end: Option<Date>,
        gesture: u64,
    },
    /// Rate the matrix cell of `evidence` × `explanation` (`None` clears it).
    RateCell {
        evidence: ItemRef,
        explanation: ClaimId,
        rating: Option<Rating>,
    },
    /// Add a claim quoting `Passage` (selected in the source reader) beside the selection, and select it.
    ClaimFromPassage(Passage),
    /// Cite a passage selected in the source reader on `item`.
    CitePassage {
        item: ItemRef,
        passage: Passage,
    },
    /// Set a matrix row's credibility and relevance.
    WeighEvidence {
        evidence: ItemRef,
        credibility: Level,
        relevance: Level,
    },
    /// Add a tag to every selected claim and event.
    TagSelection(String),
    /// Give every selected link this strength.
    SetSelectionStrength(Strength),
    /// Move every selected claim and placed chip by an offset.
    MoveSelection {
        dx: f32,
        dy: f32,
    },

    // The story.
    GoToStep(usize),
    Present(usize),
    LeavePresentation,
    AddStepFromView,
    UpdateStepFromView(usize),
    DuplicateStep(usize),
    DeleteStep(usize),
    MoveStep {
        from: usize,
        to: usize,
    },
    EditStep {
        index: usize,
        step: StoryStep,
        gesture: u64,
    },

    // The views.
    /// Put the as-of cursor on a date.
    SetAsOf(NaiveDate),
    SetTheme(ThemeChoice),
    SetHighContrastPresentation(bool),
    SetLegendWhenPresenting(bool),
    /// Tell the user why a gesture did nothing.
    Notify(String),
    DismissError,

    // Files.
    /// Open a file (a recent one, or dropped on the window), asking first about unsaved changes.
    OpenFile(PathBuf),
    /// Ask where to export the map as `format`.
    ChooseExportPath(Format),
    /// Ask for the folder that holds the sources' texts (File ▸ Attach source texts…).
    ChooseTextsFolder,
    /// Ask which file to import as `format`, asking first about unsaved changes.
    Import(ImportFormat),
    /// The user agreed to let unsaved changes go: do `then`.
    Discard(Then),
    /// A path was chosen in a file dialog.
    PathChosen(Purpose, PathBuf),
    CloseDialog,

    // Files under version control.
    /// What to do about the document's file, changed on disk by someone else.
    ChangedOnDisk(DiskChoice),
    /// Save to this path, though merge conflicts are left in the map.
    SaveWithConflicts(PathBuf),
    /// Settle merge conflict `index`: take `side`'s version, or (`None`) keep the map as it is now.
    SettleConflict {
        index: usize,
        side: Option<Side>,
    },
    /// Go to difference `index` of the comparison with another file.
    GoToDifference(usize),
    StopComparing,

    // Teaching.
    /// Ask for the key to compare the open map with (View ▸ Compare with key…).
    ChooseKey,
    /// Select what finding `index` of the comparison with the key is about.
    GoToFinding(usize),
    StopComparingWithKey,
    /// Ask what an assignment made from the map leaves out (File ▸ New assignment from this map…).
    NewAssignment,
    /// Ask where to write the assignment that leaves this out.
    ChooseAssignmentPath(crate::teaching::AssignmentOptions),

    // Recovery after a crash.
    RestoreRecovered,
    DiscardRecovered,
    RecoverLater,
}

/// The queue the views fill during a UI pass.
#[derive(Debug, Default)]
pub struct Actions {
    queue: Vec<Action>,
}

impl Actions {
    pub fn push(&mut self, action: Action) {
        self.queue.push(action);
    }

    pub fn command(&mut self, command: Command) {
        self.queue.push(Action::Command(command));
    }

    /// Everything pushed since the last call, in order.
    pub fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.queue)
    }
}
