//! An AIFdb corpus: the nodeset files of its download (one AIF JSON file per
//! analysis, unzipped into a folder) read as one map. AIFdb's node ids are
//! its database's, so a node that two nodesets share is one claim. Each file
//! is first read on its own, so that its problems and what it cannot keep are
//! said at its own `FILE:LINE:COL`; the map is then read from all of them at
//! once (so an edge that one file draws to a node only another holds, listed
//! as skipped by its own file's reading, is kept).

use super::read::read;
use super::schema::{AifFile, AifGraph};
use crate::import::json_position::parse;
use crate::model::Map;
use std::collections::HashSet;

/// One file of a corpus: its name in messages and its text.
pub struct CorpusFile {
    pub name: String,
    pub text: String,
}

/// Why a corpus could not be read: each problem as a `FILE:LINE:COL: message` line.
#[derive(Debug)]
pub struct CorpusError {
    pub lines: Vec<String>,
}

/// The map of the nodesets `files` of corpus `title`, and what of them it
/// could not keep, each line `FILE:LINE:COL: skipped: …`.
pub fn import_corpus(title: &str, files: &[CorpusFile]) -> Result<(Map, Vec<String>), CorpusError> {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        let read_alone = parse::<AifFile>(&file.text, "AIF JSON").and_then(|aif| {
            let imported = read(&file.text, &aif)?;
            Ok((aif, imported))
        });
        match read_alone {
            Ok((aif, imported)) => {
                lines.extend(imported.notices.iter().map(|notice| format!("{}:{notice}", file.name)));
                parsed.push(aif);
            }
            Err(error) => problems.extend(error.lines(&file.name)),
        }
    }
    if files.is_empty() {
        problems.push(format!("{title}: the folder holds no AIF JSON files (*.json)"));
    }
    if !problems.is_empty() {
        return Err(CorpusError { lines: problems });
    }
    let merged = merge(title, parsed);
    match read("", &merged) {
        // What the nodesets read together cannot keep, each alone already said.
        Ok(imported) => Ok((imported.map, lines)),
        Err(error) => Err(CorpusError { lines: error.lines(title) }),
    }
}

/// One file holding every nodeset's records, each node and edge once.
fn merge(title: &str, files: Vec<AifFile>) -> AifFile {
    let mut graph = AifGraph::default();
    let mut merged = AifFile { title: title.to_owned(), ..AifFile::default() };
    let (mut nodes, mut edges, mut participants) = (HashSet::new(), HashSet::new(), HashSet::new());
    let mut texts = Vec::new();
    for mut file in files {
        let (file_nodes, file_edges, locutions, file_participants) = file.take_records();
        graph.nodes.extend(file_nodes.into_iter().filter(|node| nodes.insert(node.node_id.clone())));
        graph.edges.extend(file_edges.into_iter().filter(|e| edges.insert((e.from_id.clone(), e.to_id.clone()))));
        graph.locutions.extend(locutions);
        graph
            .participants
            .extend(file_participants.into_iter().filter(|p| participants.insert(p.participant_id.clone())));
        merged.ova.nodes.extend(file.ova.nodes);
        merged.argline.extend(file.argline);
        merged.sources.extend(file.sources);
        merged.neutral.extend(file.neutral);
        texts.push(super::schema::analysed_html(&file.text).to_owned());
    }
    merged.text = serde_json::Value::String(texts.join("\n"));
    merged.aif = Some(graph);
    merged
}
