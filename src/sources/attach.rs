//! Attaching a folder of texts to a map: which file is which source, and the
//! anchors its quotes gain. A source that already names its text takes the
//! file of that name; one that does not takes the file holding most of its
//! quotes word for word (a tie is reported, not guessed). Each quote of an
//! attached text is then anchored where it occurs — when it occurs exactly
//! once, or, already anchored, where the quote check relocates it; a quote
//! found several times is reported for the user to choose in the reader.
//! This module only plans; `edit::citing::attach_texts` makes the plan one
//! undo step.

use super::check::{QuoteStatus, check_quote, holds_quote};
use super::{SourceText, read_text_file};
use crate::model::{Anchor, Citation, ItemRef, Map, Source, SourceId, TextFile};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The extensions of the files a folder's texts are read from.
const TEXT_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "xhtml"];

/// A source's text, found in the folder.
#[derive(Clone, Debug)]
pub struct AttachedText {
    pub source: SourceId,
    /// The reference the source keeps (unchanged when it had one).
    pub file: TextFile,
    pub text: Arc<SourceText>,
    /// Whether the source already named this very text (same file name and hash).
    pub already_attached: bool,
}

/// An anchor a citation gains or moves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAnchor {
    pub item: ItemRef,
    pub citation_index: usize,
    pub anchor: Anchor,
}

/// What attaching a folder would do, and what the user should know about it.
#[derive(Clone, Debug, Default)]
pub struct AttachPlan {
    pub texts: Vec<AttachedText>,
    pub anchors: Vec<NewAnchor>,
    /// Quotes found more than once, sources no file matched, files that could not be read.
    pub notes: Vec<String>,
}

impl AttachPlan {
    /// Whether applying it changes the map.
    pub fn changes_map(&self) -> bool {
        !self.anchors.is_empty() || self.texts.iter().any(|text| !text.already_attached)
    }
}

/// Plans attaching the texts in `folder` to `map`, saved at `map_file` (its
/// folder is where relative references start).
pub fn plan_attachment(map: &Map, map_file: Option<&Path>, folder: &Path) -> std::io::Result<AttachPlan> {
    let mut plan = AttachPlan::default();
    let files = read_folder(folder, &mut plan.notes)?;
    for source in &map.sources {
        // A citation with only a locator (a public record) says nothing of which text is its source's.
        let quotes: Vec<&str> = citations_of(map, &source.id)
            .map(|(_, _, citation)| citation.quote.as_str())
            .filter(|quote| !quote.trim().is_empty())
            .collect();
        let chosen = match &source.text {
            Some(named) => match files.iter().find(|(path, _)| file_name(path) == file_name(Path::new(&named.file))) {
                Some(found) => Some(found),
                None => {
                    plan.notes.push(format!(
                        "the source \"{}\" names its text {}, which is not in {}",
                        source.id,
                        named.file,
                        folder.display()
                    ));
                    None
                }
            },
            None => file_holding(&files, source, &quotes, &mut plan.notes),
        };
        let Some((path, text)) = chosen else { continue };
        let file = match &source.text {
            Some(named) => named.clone(),
            None => TextFile { file: reference_to(map_file, path), sha256: text.sha256().to_owned() },
        };
        let already_attached = source.text.as_ref() == Some(&file) && file.sha256 == text.sha256();
        if file.sha256 != text.sha256() {
            plan.notes.push(format!(
                "the text of the source \"{}\" ({}) is not the one its quotes were anchored in (its SHA-256 differs): its anchors are left as they are",
                source.id, file.file
            ));
        } else {
            anchor_quotes(map, &source.id, text, &file.file, &mut plan);
        }
        plan.texts.push(AttachedText { source: source.id.clone(), file, text: Arc::clone(text), already_attached });
    }
    Ok(plan)
}

/// The readable texts of `folder`, sorted by file name; the others noted.
fn read_folder(folder: &Path, notes: &mut Vec<String>) -> std::io::Result<Vec<(PathBuf, Arc<SourceText>)>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .filter(|path| {
            let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            extension.is_some_and(|extension| TEXT_EXTENSIONS.contains(&extension.as_str()))
        })
        .collect();
    paths.sort();
    let mut texts = Vec::new();
    for path in paths {
        match read_text_file(&path) {
            Ok(text) => texts.push((path, Arc::new(text))),
            Err(error) => notes.push(error.to_string()),
        }
    }
    Ok(texts)
}

fn file_name(path: &Path) -> Option<&std::ffi::OsStr> {
    path.file_name()
}

/// The one file holding most of `quotes` word for word, if any holds one.
fn file_holding<'a>(
    files: &'a [(PathBuf, Arc<SourceText>)],
    source: &Source,
    quotes: &[&str],
    notes: &mut Vec<String>,
) -> Option<&'a (PathBuf, Arc<SourceText>)> {
    if quotes.is_empty() {
        return None;
    }
    let held = |text: &SourceText| quotes.iter().filter(|quote| holds_quote(text.as_str(), quote)).count();
    let scored: Vec<(usize, &(PathBuf, Arc<SourceText>))> = files.iter().map(|file| (held(&file.1), file)).collect();
    let best = scored.iter().map(|(count, _)| *count).max().unwrap_or(0);
    let leaders: Vec<&(PathBuf, Arc<SourceText>)> =
        scored.iter().filter(|(count, _)| *count == best).map(|(_, file)| *file).collect();
    match leaders.as_slice() {
        _ if best == 0 => {
            notes.push(format!("no text in the folder holds any quote of the source \"{}\"", source.id));
            None
        }
        [only] => Some(*only),
        several => {
            let names: Vec<String> = several.iter().map(|(path, _)| path.display().to_string()).collect();
            notes.push(format!(
                "the quotes of the source \"{}\" are in {} texts alike ({}): attach one by hand",
                source.id,
                several.len(),
                names.join(", ")
            ));
            None
        }
    }
}

/// The reference a map at `map_file` keeps to `path`: relative to the map's
/// folder when the text is inside it, else the file name alone.
fn reference_to(map_file: Option<&Path>, path: &Path) -> String {
    let name = || path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = map_file
        .and_then(|file| file.parent())
        .map(|folder| if folder.as_os_str().is_empty() { Path::new(".") } else { folder });
    let (Some(folder), Ok(path)) = (folder.and_then(|f| f.canonicalize().ok()), path.canonicalize()) else {
        return name();
    };
    match path.strip_prefix(&folder) {
        Ok(relative) => {
            relative.components().map(|part| part.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
        }
        Err(_) => name(),
    }
}

/// Every citation quoting `source`: the item, the citation's index, the citation.
pub fn citations_of<'a>(map: &'a Map, source: &'a SourceId) -> impl Iterator<Item = (ItemRef, usize, &'a Citation)> {
    let events = map.events.iter().map(|e| (ItemRef::Event(e.id.clone()), &e.citations));
    let claims = map.claims.iter().map(|c| (ItemRef::Claim(c.id.clone()), &c.citations));
    let links = map.links.iter().map(|l| (ItemRef::Link(l.id.clone()), &l.citations));
    events.chain(claims).chain(links).flat_map(move |(item, citations)| {
        citations
            .iter()
            .enumerate()
            .filter(move |(_, citation)| &citation.source == source)
            .map(move |(index, citation)| (item.clone(), index, citation))
    })
}

fn anchor_quotes(map: &Map, source: &SourceId, text: &SourceText, file: &str, plan: &mut AttachPlan) {
    for (item, citation_index, citation) in citations_of(map, source) {
        let check = check_quote(text, citation);
        match (&check.status, check.found) {
            (QuoteStatus::Unanchored | QuoteStatus::Relocated { .. }, Some(anchor)) => {
                plan.anchors.push(NewAnchor { item, citation_index, anchor });
            }
            (QuoteStatus::Ambiguous { occurrences }, _) => plan.notes.push(format!(
                "{item}: the quote \"{}\" occurs {occurrences} times in {file}: select the passage meant in the reader and cite it",
                citation.quote
            )),
            _ => {}
        }
    }
}
